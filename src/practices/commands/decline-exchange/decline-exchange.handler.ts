import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actOnExchange } from '../act-on-exchange';
import type { ExchangeView } from '../../queries/get-exchange/exchange.view';
import { ExchangeRepository } from '../../persistence/exchange.repository';
import { DeclineExchangeCommand } from './decline-exchange.command';

@CommandHandler(DeclineExchangeCommand)
export class DeclineExchangeHandler implements ICommandHandler<DeclineExchangeCommand> {
  constructor(private readonly exchanges: ExchangeRepository) {}

  execute({ exchangeId, message, ctx }: DeclineExchangeCommand): Promise<ExchangeView> {
    return actOnExchange(this.exchanges, exchangeId, ctx, (exchange, actor) => exchange.decline(message, actor));
  }
}
