import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '../../../shared/pagination';
import type { WebhookActor } from '../../domain/webhook-policy';
import type { WebhookView } from '../../http/webhook.view';

/** A city user's city's webhooks; an admin's: every one (the network's and the cities'). */
export class ListWebhooksQuery extends Query<Page<WebhookView>> {
  constructor(
    readonly actor: WebhookActor,
    readonly page: PageRequest,
  ) {
    super();
  }
}
