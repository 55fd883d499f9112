import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { ExchangeView } from '../../queries/get-exchange/exchange.view';

/** The host city declines a requested exchange. */
export class DeclineExchangeCommand extends Command<ExchangeView> {
  constructor(
    readonly exchangeId: string,
    readonly message: string | null | undefined,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
