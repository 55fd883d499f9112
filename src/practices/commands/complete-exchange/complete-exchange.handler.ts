import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actOnExchange } from '../act-on-exchange';
import type { ExchangeView } from '../../queries/get-exchange/exchange.view';
import { ExchangeRepository } from '../../persistence/exchange.repository';
import { CompleteExchangeCommand } from './complete-exchange.command';

@CommandHandler(CompleteExchangeCommand)
export class CompleteExchangeHandler implements ICommandHandler<CompleteExchangeCommand> {
  constructor(private readonly exchanges: ExchangeRepository) {}

  execute({ exchangeId, input, ctx }: CompleteExchangeCommand): Promise<ExchangeView> {
    return actOnExchange(this.exchanges, exchangeId, ctx, (exchange, actor) => exchange.complete(input, actor));
  }
}
