import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/events';
import type { AuthUser } from '../../shared/auth-user';
import { Authenticated, Ctx, CurrentUser } from '../../common/http/auth.decorators';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { PageOf, type Page } from '../../shared/pagination';
import { AcceptExchangeCommand } from '../commands/accept-exchange/accept-exchange.command';
import { AnswerExchangeDto } from '../commands/accept-exchange/answer-exchange.dto';
import { CancelExchangeCommand } from '../commands/cancel-exchange/cancel-exchange.command';
import { CancelExchangeDto } from '../commands/cancel-exchange/cancel-exchange.dto';
import { CompleteExchangeCommand } from '../commands/complete-exchange/complete-exchange.command';
import { CompleteExchangeDto } from '../commands/complete-exchange/complete-exchange.dto';
import { DeclineExchangeCommand } from '../commands/decline-exchange/decline-exchange.command';
import { ExchangeView } from '../queries/get-exchange/exchange.view';
import { GetExchangeQuery } from '../queries/get-exchange/get-exchange.query';
import { ListExchangesDto } from '../queries/list-exchanges/list-exchanges.dto';
import { ListExchangesQuery } from '../queries/list-exchanges/list-exchanges.query';
import { viewerOf } from './viewer';

/** Exchanges between a host city (the practice's author) and a requesting city; private to both and admins. */
@ApiTags('exchanges')
@ApiBearerAuth()
@Controller('exchanges')
export class ExchangesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The caller’s city’s exchanges (admins: any city’s, or all)' })
  @ApiOkResponse({ type: PageOf(ExchangeView), description: 'Newest first' })
  @ApiProblems(400, 401, 403)
  list(@Query() { page, limit, ...filter }: ListExchangesDto, @CurrentUser() user: AuthUser): Promise<Page<ExchangeView>> {
    return this.queries.execute(new ListExchangesQuery(filter, viewerOf(user), { page, limit }));
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Read an exchange (its two cities and admins)' })
  @ApiOkResponse({ type: ExchangeView })
  @ApiProblems(401, 403, 404)
  get(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<ExchangeView> {
    return this.queries.execute(new GetExchangeQuery(id, viewerOf(user)));
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a requested exchange (host city)' })
  @ApiOkResponse({ type: ExchangeView, description: 'Now `accepted`' })
  @ApiProblems(400, 401, 403, 404, 409)
  accept(@Param('id') id: string, @Body() body: AnswerExchangeDto, @Ctx() ctx: CommandContext): Promise<ExchangeView> {
    return this.commands.execute(new AcceptExchangeCommand(id, body.message, ctx));
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline a requested exchange (host city)' })
  @ApiOkResponse({ type: ExchangeView, description: 'Now `declined`' })
  @ApiProblems(400, 401, 403, 404, 409)
  decline(@Param('id') id: string, @Body() body: AnswerExchangeDto, @Ctx() ctx: CommandContext): Promise<ExchangeView> {
    return this.commands.execute(new DeclineExchangeCommand(id, body.message, ctx));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a requested or accepted exchange (requesting city)' })
  @ApiOkResponse({ type: ExchangeView, description: 'Now `cancelled`' })
  @ApiProblems(400, 401, 403, 404, 409)
  cancel(@Param('id') id: string, @Body() body: CancelExchangeDto, @Ctx() ctx: CommandContext): Promise<ExchangeView> {
    return this.commands.execute(new CancelExchangeCommand(id, body.reason, ctx));
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete an accepted exchange with feedback and a rating, once (requesting city)' })
  @ApiOkResponse({ type: ExchangeView, description: 'Now `completed`' })
  @ApiProblems(400, 401, 403, 404, 409)
  complete(@Param('id') id: string, @Body() body: CompleteExchangeDto, @Ctx() ctx: CommandContext): Promise<ExchangeView> {
    return this.commands.execute(new CompleteExchangeCommand(id, body, ctx));
  }
}
