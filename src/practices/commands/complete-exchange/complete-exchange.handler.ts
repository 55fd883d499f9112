import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/practice-policy';
import { ExchangeView } from '../../queries/get-exchange/exchange.view';
import { ExchangeRepository } from '../../persistence/exchange.repository';
import { CompleteExchangeCommand } from './complete-exchange.command';

@CommandHandler(CompleteExchangeCommand)
export class CompleteExchangeHandler implements ICommandHandler<CompleteExchangeCommand> {
  constructor(private readonly exchanges: ExchangeRepository) {}

  execute({ exchangeId, input, ctx }: CompleteExchangeCommand): Promise<ExchangeView> {
    return this.exchanges.change(exchangeId, async (exchange) => {
      exchange.complete(input, actorFrom(ctx));
      await this.exchanges.save(exchange, ctx);
      return ExchangeView.saved(exchange);
    });
  }
}
