import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { pageOf, type Page } from '../../../shared/pagination';
import { assertManages } from '../../domain/webhook-policy';
import { DeliveryView } from '../../http/delivery.view';
import { DeliveryRepository } from '../../persistence/delivery.repository';
import { WebhookRepository } from '../../persistence/webhook.repository';
import { ListDeliveriesQuery } from './list-deliveries.query';

@QueryHandler(ListDeliveriesQuery)
export class ListDeliveriesHandler implements IQueryHandler<ListDeliveriesQuery> {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: DeliveryRepository,
  ) {}

  async execute({ webhookId, actor, page }: ListDeliveriesQuery): Promise<Page<DeliveryView>> {
    assertManages(actor, webhookId, await this.webhooks.get(webhookId));
    const { items, total } = await this.deliveries.listOf(webhookId, page);
    return pageOf(items.map(DeliveryView.of), total, page);
  }
}
