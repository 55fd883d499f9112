import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { DeliveryView } from '../../http/delivery.view';

/** Sends a logged delivery's event again, as a new delivery (its own id, retries and log entry). */
export class RedeliverCommand extends Command<DeliveryView> {
  constructor(
    readonly webhookId: string,
    readonly deliveryId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
