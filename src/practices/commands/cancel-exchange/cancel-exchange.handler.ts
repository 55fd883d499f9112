import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actOnExchange } from '../act-on-exchange';
import type { ExchangeView } from '../../queries/get-exchange/exchange.view';
import { ExchangeRepository } from '../../persistence/exchange.repository';
import { CancelExchangeCommand } from './cancel-exchange.command';

@CommandHandler(CancelExchangeCommand)
export class CancelExchangeHandler implements ICommandHandler<CancelExchangeCommand> {
  constructor(private readonly exchanges: ExchangeRepository) {}

  execute({ exchangeId, reason, ctx }: CancelExchangeCommand): Promise<ExchangeView> {
    return actOnExchange(this.exchanges, exchangeId, ctx, (exchange, actor) => exchange.cancel(reason, actor));
  }
}
