import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { actorFrom } from '../../domain/practice-policy';
import { ExchangeView } from '../../queries/get-exchange/exchange.view';
import { PracticeRepository } from '../../persistence/practice.repository';
import { candidateCity } from '../acting-city';
import { ensureCityExists } from '../ensure-city-exists';
import { RequestExchangeCommand } from './request-exchange.command';

@CommandHandler(RequestExchangeCommand)
export class RequestExchangeHandler implements ICommandHandler<RequestExchangeCommand> {
  constructor(
    private readonly practices: PracticeRepository,
    private readonly queries: QueryBus,
  ) {}

  execute({ practiceId, input, ctx }: RequestExchangeCommand): Promise<ExchangeView> {
    const exchangeId = randomUUID(); // once, so a retried save stores the same exchange
    return this.practices.change(practiceId, async (practice) => {
      const city = candidateCity(ctx, input.requesterCityId);
      const already = city ? await this.practices.hasOpenExchange(practiceId, city) : false;
      const exchange = practice.requestExchange(exchangeId, input, actorFrom(ctx), { already });
      if (input.requesterCityId) await ensureCityExists(this.queries, 'requesterCityId', exchange.requesterCityId);
      // The practice's exchangeCount, the exchange and ExchangeRequested: one transaction.
      await this.practices.saveExchangeRequest(practice, exchange, ctx);
      return ExchangeView.saved(exchange);
    });
  }
}
