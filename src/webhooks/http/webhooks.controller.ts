import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/events';
import { Authenticated, Ctx, CurrentUser } from '../../common/http/auth.decorators';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import type { AuthUser } from '../../shared/auth-user';
import { PageOf, PaginationQuery, type Page } from '../../shared/pagination';
import { CreateWebhookCommand } from '../commands/create-webhook/create-webhook.command';
import { CreateWebhookDto } from '../commands/create-webhook/create-webhook.dto';
import { DeleteWebhookCommand } from '../commands/delete-webhook/delete-webhook.command';
import { RedeliverCommand } from '../commands/redeliver/redeliver.command';
import type { WebhookActor } from '../domain/webhook-policy';
import { ListDeliveriesQuery } from '../queries/list-deliveries/list-deliveries.query';
import { ListWebhooksQuery } from '../queries/list-webhooks/list-webhooks.query';
import { DeliveryView } from './delivery.view';
import { CreatedWebhookView, WebhookView } from './webhook.view';

const actorOf = (user: AuthUser): WebhookActor => ({ role: user.role, cityId: user.cityId });

/**
 * Webhooks for city IT systems (SPEC §3): a city user manages its city's, an admin the network's
 * (which receive every event) and may see and manage every city's. Deliveries are signed POSTs
 * (docs/webhooks.md).
 */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Subscribe a URL to events: the caller’s city’s (city user) or every event of the network (admin)',
    description: 'The answer holds the signing `secret`, shown only this once. The URL’s host must resolve to public addresses only.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookView })
  @ApiProblems(400, 401, 403, 409)
  create(@Body() body: CreateWebhookDto, @Ctx() ctx: CommandContext): Promise<CreatedWebhookView> {
    return this.commands.execute(new CreateWebhookCommand(body, ctx));
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The caller’s city’s webhooks (admins: every webhook), newest first' })
  @ApiOkResponse({ type: PageOf(WebhookView) })
  @ApiProblems(400, 401, 403)
  list(@Query() { page, limit }: PaginationQuery, @CurrentUser() user: AuthUser): Promise<Page<WebhookView>> {
    return this.queries.execute(new ListWebhooksQuery(actorOf(user), { page, limit }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook: no more deliveries; its secret and delivery log are forgotten' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404)
  async remove(@Param('id') id: string, @Ctx() ctx: CommandContext): Promise<void> {
    await this.commands.execute(new DeleteWebhookCommand(id, ctx));
  }

  @Get(':id/deliveries')
  @Authenticated()
  @ApiOperation({ summary: 'A webhook’s delivery log, newest first: status, attempts, the last answer (capped) and error' })
  @ApiOkResponse({ type: PageOf(DeliveryView) })
  @ApiProblems(400, 401, 403, 404)
  deliveries(@Param('id') id: string, @Query() { page, limit }: PaginationQuery, @CurrentUser() user: AuthUser): Promise<Page<DeliveryView>> {
    return this.queries.execute(new ListDeliveriesQuery(id, actorOf(user), { page, limit }));
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a logged delivery’s event again, as a new delivery (same body, new `X-CCX-Delivery`)' })
  @ApiAcceptedResponse({ type: DeliveryView, description: 'The new delivery, `pending`' })
  @ApiProblems(401, 403, 404)
  redeliver(@Param('id') id: string, @Param('deliveryId') deliveryId: string, @Ctx() ctx: CommandContext): Promise<DeliveryView> {
    return this.commands.execute(new RedeliverCommand(id, deliveryId, ctx));
  }
}
