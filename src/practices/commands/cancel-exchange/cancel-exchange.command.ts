import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { ExchangeView } from '../../queries/get-exchange/exchange.view';

/** The requesting city calls an exchange off before it is completed. */
export class CancelExchangeCommand extends Command<ExchangeView> {
  constructor(
    readonly exchangeId: string,
    readonly reason: string | null | undefined,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
