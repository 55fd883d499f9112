import { InvalidInputError } from '@app/domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomBytes, randomUUID } from 'node:crypto';
import { WebhookTargetGuard } from '../../delivery/webhook-target-guard';
import { WebhookLimitReached } from '../../domain/webhook-errors';
import { ownerFor } from '../../domain/webhook-policy';
import { CreatedWebhookView, WebhookView } from '../../http/webhook.view';
import { WebhookRepository } from '../../persistence/webhook.repository';
import { CITY_EVENT_TYPES } from '../../webhook-events';
import { CreateWebhookCommand } from './create-webhook.command';

/** Webhooks per city (and for the network): enough for a few systems, bounded fan-out per event. */
export const WEBHOOKS_PER_OWNER = 20;

@CommandHandler(CreateWebhookCommand)
export class CreateWebhookHandler implements ICommandHandler<CreateWebhookCommand> {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly guard: WebhookTargetGuard,
  ) {}

  async execute({ input, ctx }: CreateWebhookCommand): Promise<CreatedWebhookView> {
    const cityId = ownerFor({ role: ctx.role, cityId: ctx.actor.cityId });
    if (cityId !== null) {
      const silent = input.events.filter((type) => !CITY_EVENT_TYPES.includes(type));
      if (silent.length) throw new InvalidInputError('events', `${silent.join(', ')} notify no city, so a city's webhook would never receive them`);
    }
    const url = await this.guard.check(input.url);
    if ((await this.webhooks.countOwnedBy(cityId)) >= WEBHOOKS_PER_OWNER) throw new WebhookLimitReached(WEBHOOKS_PER_OWNER);
    const now = new Date();
    const webhook = {
      _id: randomUUID(),
      cityId,
      url: url.toString(),
      events: input.events,
      description: input.description ?? null,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    await this.webhooks.create(webhook, secret);
    return { ...WebhookView.of(webhook), secret };
  }
}
