import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/events';
import type { AuthUser } from '../../shared/auth-user';
import { Ctx, CurrentUser } from '../../common/http/auth.decorators';
import { ApiOptionalBearerAuth, ApiProblems } from '../../common/http/api-problems.decorator';
import { PageOf, PaginationQuery, type Page } from '../../shared/pagination';
import { CommentView } from '../queries/list-comments/comment.view';
import { CommentOnPracticeCommand } from '../commands/comment-on-practice/comment-on-practice.command';
import { CommentOnPracticeDto } from '../commands/comment-on-practice/comment-on-practice.dto';
import { EndorsePracticeCommand } from '../commands/endorse-practice/endorse-practice.command';
import { EndorsePracticeDto } from '../commands/endorse-practice/endorse-practice.dto';
import { RequestExchangeCommand } from '../commands/request-exchange/request-exchange.command';
import { RequestExchangeDto } from '../commands/request-exchange/request-exchange.dto';
import { WithdrawEndorsementCommand } from '../commands/withdraw-endorsement/withdraw-endorsement.command';
import { WithdrawEndorsementDto } from '../commands/withdraw-endorsement/withdraw-endorsement.dto';
import { ExchangeView } from '../queries/get-exchange/exchange.view';
import { PracticeView } from '../queries/get-practice/practice.view';
import { ListCommentsQuery } from '../queries/list-comments/list-comments.query';
import { viewerOf } from './viewer';

/** What other cities do with a practice: endorse it, comment on it, ask for an exchange. */
@ApiTags('practices')
@Controller('practices/:id')
export class PracticeEngagementController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('endorsements')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Endorse a practice for the caller’s city (once; not the author city)' })
  @ApiCreatedResponse({ type: PracticeView, description: 'The practice with its new endorsementCount' })
  @ApiProblems(400, 401, 403, 404, 409)
  endorse(@Param('id') id: string, @Body() body: EndorsePracticeDto, @Ctx() ctx: CommandContext): Promise<PracticeView> {
    return this.commands.execute(new EndorsePracticeCommand(id, body.cityId, ctx));
  }

  @Delete('endorsements')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Withdraw the caller’s city’s endorsement (it may endorse again)' })
  @ApiOkResponse({ type: PracticeView, description: 'The practice with its new endorsementCount' })
  @ApiProblems(400, 401, 403, 404, 409)
  withdraw(@Param('id') id: string, @Query() query: WithdrawEndorsementDto, @Ctx() ctx: CommandContext): Promise<PracticeView> {
    return this.commands.execute(new WithdrawEndorsementCommand(id, query.cityId, ctx));
  }

  @Post('comments')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Comment on a practice (any signed-in user)' })
  @ApiCreatedResponse({ type: CommentView })
  @ApiProblems(400, 401, 404, 409)
  comment(@Param('id') id: string, @Body() body: CommentOnPracticeDto, @Ctx() ctx: CommandContext): Promise<CommentView> {
    return this.commands.execute(new CommentOnPracticeCommand(id, body, ctx));
  }

  @Get('comments')
  @ApiOperation({ summary: 'A practice’s comments, oldest first (hidden ones only for admins and their author city)' })
  @ApiOkResponse({ type: PageOf(CommentView) })
  @ApiOptionalBearerAuth()
  @ApiProblems(400, 401, 404)
  comments(@Param('id') id: string, @Query() { page, limit }: PaginationQuery, @CurrentUser() user?: AuthUser): Promise<Page<CommentView>> {
    return this.queries.execute(new ListCommentsQuery(id, viewerOf(user), { page, limit }));
  }

  @Post('exchanges')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Ask the author city for an exchange around this practice (a city other than the author)' })
  @ApiCreatedResponse({ type: ExchangeView, description: 'The exchange, `requested`' })
  @ApiProblems(400, 401, 403, 404, 409)
  requestExchange(@Param('id') id: string, @Body() body: RequestExchangeDto, @Ctx() ctx: CommandContext): Promise<ExchangeView> {
    return this.commands.execute(new RequestExchangeCommand(id, body, ctx));
  }
}
