import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { pageOf, type Page } from '../../../shared/pagination';
import { exchangeListCity } from '../../domain/exchange';
import { ExchangeView } from '../get-exchange/exchange.view';
import { ExchangeReadRepository } from '../../persistence/exchange-read.repository';
import { ListExchangesQuery } from './list-exchanges.query';

@QueryHandler(ListExchangesQuery)
export class ListExchangesHandler implements IQueryHandler<ListExchangesQuery> {
  constructor(private readonly exchanges: ExchangeReadRepository) {}

  async execute({ filter, viewer, page }: ListExchangesQuery): Promise<Page<ExchangeView>> {
    const cityId = exchangeListCity(viewer, filter.cityId);
    const { items, total } = await this.exchanges.list({ ...filter, cityId }, page);
    return pageOf(items.map(ExchangeView.of), total, page);
  }
}
