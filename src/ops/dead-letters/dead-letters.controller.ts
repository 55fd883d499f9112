import { ConflictError, NotFoundError } from '@app/domain';
import { SubscriptionRequestError, Subscriptions, type DeadLetter } from '@app/events';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/http/auth.decorators';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { PageOf, pageRequest, type Page } from '../../shared/pagination';
import { DeadLetterView } from './dead-letter.view';
import { ListDeadLettersDto } from './list-dead-letters.dto';

/**
 * Events a consumer gave up on after its attempts (`CONSUMER_MAX_ATTEMPTS`): admins see why, and
 * retry or skip each. Nothing is dropped silently.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/dead-letters')
@Roles('admin')
export class DeadLettersController {
  constructor(private readonly subscriptions: Subscriptions) {}

  @Get()
  @ApiOperation({ summary: 'List dead letters (events a consumer parked after its last attempt), newest event first' })
  @ApiOkResponse({ type: PageOf(DeadLetterView) })
  @ApiProblems(400, 401, 403)
  async list(@Query() { page, limit, status, consumer }: ListDeadLettersDto): Promise<Page<DeadLetterView>> {
    const request = pageRequest({ page, limit });
    const { items, total } = await this.subscriptions.listDeadLetters({ status, consumer }, request.page, request.limit);
    return { items: items.map(DeadLetterView.of), total, page: request.page, limit: request.limit };
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Retry a parked event: its consumer handles it once more, then the letter is delivered or parked again' })
  @ApiAcceptedResponse({ type: DeadLetterView, description: 'The letter, now `retrying`' })
  @ApiProblems(401, 403, 404, 409)
  retry(@Param('id') id: string): Promise<DeadLetterView> {
    return answer(this.subscriptions.retryDeadLetter(id));
  }

  @Post(':id/skip')
  @HttpCode(200)
  @ApiOperation({ summary: 'Skip a parked event: its consumer will not handle it' })
  @ApiOkResponse({ type: DeadLetterView, description: 'The letter, now `skipped`' })
  @ApiProblems(401, 403, 404, 409)
  skip(@Param('id') id: string): Promise<DeadLetterView> {
    return answer(this.subscriptions.skipDeadLetter(id));
  }
}

/** The backbone's refusals as the domain errors the problem+json filter maps (404, 409). */
async function answer(action: Promise<DeadLetter>): Promise<DeadLetterView> {
  try {
    return DeadLetterView.of(await action);
  } catch (error) {
    if (!(error instanceof SubscriptionRequestError)) throw error;
    if (error.reason === 'not-found') throw Object.assign(new NotFoundError('dead-letter', ''), { message: error.message });
    throw new ConflictError('dead-letter.not-parked', error.message);
  }
}
