import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/practice-policy';
import { ExchangeView } from '../../queries/get-exchange/exchange.view';
import { ExchangeRepository } from '../../persistence/exchange.repository';
import { DeclineExchangeCommand } from './decline-exchange.command';

@CommandHandler(DeclineExchangeCommand)
export class DeclineExchangeHandler implements ICommandHandler<DeclineExchangeCommand> {
  constructor(private readonly exchanges: ExchangeRepository) {}

  execute({ exchangeId, message, ctx }: DeclineExchangeCommand): Promise<ExchangeView> {
    return this.exchanges.change(exchangeId, async (exchange) => {
      exchange.decline(message, actorFrom(ctx));
      await this.exchanges.save(exchange, ctx);
      return ExchangeView.saved(exchange);
    });
  }
}
