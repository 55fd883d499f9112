import { EventConsumer, type EventHandlerOf, type HandlerContext } from '@app/events';
import { Injectable } from '@nestjs/common';
import { EXCHANGE_EVENTS, type ExchangeEvent } from '../../practices/contracts';
import { applyGuarded } from '../persistence/guarded-write';
import { INSIGHT_COLLECTIONS, monthOf } from '../persistence/read-model-documents';

const STATUS_AFTER = {
  ExchangeRequested: 'requested',
  ExchangeAccepted: 'accepted',
  ExchangeDeclined: 'declined',
  ExchangeCancelled: 'cancelled',
  ExchangeCompleted: 'completed',
} as const;

/**
 * The exchanges as insight sees them (`insight_exchanges`): both cities, the practice, status and
 * the requester's rating once completed (not its feedback, which is the two cities' own).
 * `npm run rebuild:read-models -- insight.exchanges` rebuilds it.
 */
@Injectable()
@EventConsumer({ name: 'insight.exchanges', events: EXCHANGE_EVENTS, projection: { collection: INSIGHT_COLLECTIONS.exchanges } })
export class InsightExchangesProjector implements EventHandlerOf<typeof EXCHANGE_EVENTS> {
  async handle(event: ExchangeEvent, { collection }: HandlerContext): Promise<void> {
    const at = new Date(event.at);
    const { exchangeId, practiceId, practiceTitle, hostCityId, requesterCityId, format } = event.data;
    const set: Record<string, unknown> = {
      practiceId,
      practiceTitle,
      hostCityId,
      requesterCityId,
      format,
      status: STATUS_AFTER[event.type],
      updatedAt: at,
    };
    if (event.type === 'ExchangeRequested') Object.assign(set, { requestedAt: at, month: monthOf(at), rating: null, completedAt: null });
    if (event.type === 'ExchangeCompleted') Object.assign(set, { rating: event.data.rating, completedAt: at });
    await applyGuarded(collection!, exchangeId, event.seq, { $set: set }, event.type === 'ExchangeRequested');
  }
}
