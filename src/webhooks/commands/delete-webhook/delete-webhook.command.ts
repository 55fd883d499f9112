import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';

/** Stops deliveries to a webhook and forgets it, its secret and its delivery log. */
export class DeleteWebhookCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
