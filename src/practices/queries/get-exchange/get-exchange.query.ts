import { Query } from '@nestjs/cqrs';
import type { PracticeViewer } from '../../domain/practice-policy';
import type { ExchangeView } from './exchange.view';

/** An exchange, for its two cities and admins (403 for other users). */
export class GetExchangeQuery extends Query<ExchangeView> {
  constructor(
    readonly exchangeId: string,
    readonly viewer: PracticeViewer,
  ) {
    super();
  }
}
