import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { ExchangeView } from '../../queries/get-exchange/exchange.view';
import type { RequestExchangeDto } from './request-exchange.dto';

/** A city other than the author asks for an exchange around a practice. */
export class RequestExchangeCommand extends Command<ExchangeView> {
  constructor(
    readonly practiceId: string,
    readonly input: RequestExchangeDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
