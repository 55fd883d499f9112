import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/practice-policy';
import { ExchangeView } from '../../queries/get-exchange/exchange.view';
import { ExchangeRepository } from '../../persistence/exchange.repository';
import { AcceptExchangeCommand } from './accept-exchange.command';

@CommandHandler(AcceptExchangeCommand)
export class AcceptExchangeHandler implements ICommandHandler<AcceptExchangeCommand> {
  constructor(private readonly exchanges: ExchangeRepository) {}

  execute({ exchangeId, message, ctx }: AcceptExchangeCommand): Promise<ExchangeView> {
    return this.exchanges.change(exchangeId, async (exchange) => {
      exchange.accept(message, actorFrom(ctx));
      await this.exchanges.save(exchange, ctx);
      return ExchangeView.saved(exchange);
    });
  }
}
