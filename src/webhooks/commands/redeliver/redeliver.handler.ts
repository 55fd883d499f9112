import { NotFoundError } from '@app/domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { assertManages } from '../../domain/webhook-policy';
import { DeliveryView } from '../../http/delivery.view';
import { DeliveryRepository } from '../../persistence/delivery.repository';
import { WebhookRepository } from '../../persistence/webhook.repository';
import { redeliverJobId } from '../../queue/webhook-jobs';
import { WebhookQueue } from '../../queue/webhook-queue';
import { RedeliverCommand } from './redeliver.command';

@CommandHandler(RedeliverCommand)
export class RedeliverHandler implements ICommandHandler<RedeliverCommand> {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly queue: WebhookQueue,
  ) {}

  async execute({ webhookId, deliveryId, ctx }: RedeliverCommand): Promise<DeliveryView> {
    assertManages({ role: ctx.role, cityId: ctx.actor.cityId }, webhookId, await this.webhooks.get(webhookId));
    const original = await this.deliveries.get(deliveryId);
    if (!original || original.webhookId !== webhookId) throw new NotFoundError('delivery', deliveryId);
    const id = randomUUID();
    const copy = await this.deliveries.create({
      id,
      key: redeliverJobId(id),
      webhookId,
      eventId: original.eventId,
      type: original.type,
      body: original.body,
      redeliveryOf: original._id,
    });
    await this.queue.deliver([{ jobId: copy.key, data: { deliveryId: copy._id } }]);
    return DeliveryView.of(copy);
  }
}
