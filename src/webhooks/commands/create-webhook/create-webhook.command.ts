import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { CreatedWebhookView } from '../../http/webhook.view';
import type { CreateWebhookDto } from './create-webhook.dto';

/** A city user subscribes its city's IT system; an admin subscribes the network's. */
export class CreateWebhookCommand extends Command<CreatedWebhookView> {
  constructor(
    readonly input: CreateWebhookDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
