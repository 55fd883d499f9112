import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '../../../shared/pagination';
import type { PracticeViewer } from '../../domain/practice-policy';
import type { ExchangeView } from '../get-exchange/exchange.view';
import type { ExchangeListFilter } from '../../persistence/exchange-read.repository';

/** A city user's city's exchanges, or (admins) any city's or all; newest first. */
export class ListExchangesQuery extends Query<Page<ExchangeView>> {
  constructor(
    readonly filter: ExchangeListFilter,
    readonly viewer: PracticeViewer,
    readonly page: PageRequest,
  ) {
    super();
  }
}
