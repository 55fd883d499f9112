import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { ExchangeView } from '../../queries/get-exchange/exchange.view';
import type { CompleteExchangeDto } from './complete-exchange.dto';

/** The requesting city completes an accepted exchange with feedback and a rating, once. */
export class CompleteExchangeCommand extends Command<ExchangeView> {
  constructor(
    readonly exchangeId: string,
    readonly input: CompleteExchangeDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
