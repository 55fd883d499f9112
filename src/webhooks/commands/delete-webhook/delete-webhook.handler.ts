import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertManages } from '../../domain/webhook-policy';
import { DeliveryRepository } from '../../persistence/delivery.repository';
import { WebhookRepository } from '../../persistence/webhook.repository';
import { DeleteWebhookCommand } from './delete-webhook.command';

@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand> {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: DeliveryRepository,
  ) {}

  async execute({ id, ctx }: DeleteWebhookCommand): Promise<void> {
    assertManages({ role: ctx.role, cityId: ctx.actor.cityId }, id, await this.webhooks.get(id));
    // Queued jobs find no webhook and end as cancelled; the log goes with the webhook.
    await this.webhooks.delete(id);
    await this.deliveries.deleteOf(id);
  }
}
