import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/practice-policy';
import { ExchangeView } from '../../queries/get-exchange/exchange.view';
import { ExchangeRepository } from '../../persistence/exchange.repository';
import { CancelExchangeCommand } from './cancel-exchange.command';

@CommandHandler(CancelExchangeCommand)
export class CancelExchangeHandler implements ICommandHandler<CancelExchangeCommand> {
  constructor(private readonly exchanges: ExchangeRepository) {}

  execute({ exchangeId, reason, ctx }: CancelExchangeCommand): Promise<ExchangeView> {
    return this.exchanges.change(exchangeId, async (exchange) => {
      exchange.cancel(reason, actorFrom(ctx));
      await this.exchanges.save(exchange, ctx);
      return ExchangeView.saved(exchange);
    });
  }
}
