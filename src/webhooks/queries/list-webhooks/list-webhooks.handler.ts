import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { pageOf, type Page } from '../../../shared/pagination';
import { visibleOwner } from '../../domain/webhook-policy';
import { WebhookView } from '../../http/webhook.view';
import { WebhookRepository } from '../../persistence/webhook.repository';
import { ListWebhooksQuery } from './list-webhooks.query';

@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery> {
  constructor(private readonly webhooks: WebhookRepository) {}

  async execute({ actor, page }: ListWebhooksQuery): Promise<Page<WebhookView>> {
    const { items, total } = await this.webhooks.list(visibleOwner(actor), page);
    return pageOf(items.map(WebhookView.of), total, page);
  }
}
