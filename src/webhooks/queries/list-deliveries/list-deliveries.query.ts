import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '../../../shared/pagination';
import type { WebhookActor } from '../../domain/webhook-policy';
import type { DeliveryView } from '../../http/delivery.view';

/** A webhook's delivery log, newest first (its owners and admins). */
export class ListDeliveriesQuery extends Query<Page<DeliveryView>> {
  constructor(
    readonly webhookId: string,
    readonly actor: WebhookActor,
    readonly page: PageRequest,
  ) {
    super();
  }
}
