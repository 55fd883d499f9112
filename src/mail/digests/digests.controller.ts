import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/http/auth.decorators';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { DigestScheduler } from './digest-scheduler';
import { DigestRunView, RunDigestsDto } from './run-digests.dto';

/** For operators and tests: the digests of a period now, whatever the hour. */
@ApiTags('mail')
@ApiBearerAuth()
@Controller('admin/digests')
@Roles('admin')
export class DigestsController {
  constructor(private readonly scheduler: DigestScheduler) {}

  @Post('run')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send every digest of a period now, each holding what arrived since that user’s previous digest' })
  @ApiAcceptedResponse({ type: DigestRunView })
  @ApiProblems(400, 401, 403, 503)
  async run(@Body() { period }: RunDigestsDto): Promise<DigestRunView> {
    return { period, queued: await this.scheduler.runNow(period) };
  }
}
