import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@app/domain';
import { Exchange } from '../../domain/exchange';
import { ExchangeView } from './exchange.view';
import { ExchangeReadRepository } from '../../persistence/exchange-read.repository';
import { GetExchangeQuery } from './get-exchange.query';

@QueryHandler(GetExchangeQuery)
export class GetExchangeHandler implements IQueryHandler<GetExchangeQuery> {
  constructor(private readonly exchanges: ExchangeReadRepository) {}

  async execute({ exchangeId, viewer }: GetExchangeQuery): Promise<ExchangeView> {
    const snapshot = await this.exchanges.findById(exchangeId);
    if (!snapshot) throw new NotFoundError('exchange', exchangeId);
    Exchange.restore(snapshot).assertVisibleTo(viewer);
    return ExchangeView.of(snapshot);
  }
}
