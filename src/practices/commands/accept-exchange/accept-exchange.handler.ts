import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actOnExchange } from '../act-on-exchange';
import type { ExchangeView } from '../../queries/get-exchange/exchange.view';
import { ExchangeRepository } from '../../persistence/exchange.repository';
import { AcceptExchangeCommand } from './accept-exchange.command';

@CommandHandler(AcceptExchangeCommand)
export class AcceptExchangeHandler implements ICommandHandler<AcceptExchangeCommand> {
  constructor(private readonly exchanges: ExchangeRepository) {}

  execute({ exchangeId, message, ctx }: AcceptExchangeCommand): Promise<ExchangeView> {
    return actOnExchange(this.exchanges, exchangeId, ctx, (exchange, actor) => exchange.accept(message, actor));
  }
}
