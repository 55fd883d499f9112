import { Injectable } from '@nestjs/common';
import type { mongo } from 'mongoose';
import type { EventDocument } from './event-document';
import { toEnvelope } from './event-document';
import type { EventEnvelope } from './event-envelope';
import { EventStore } from './event-store';

export interface ListEventsOptions {
  /** Only events with a greater seq (exclusive), e.g. the last seq a client has seen. Default 0. */
  afterSeq?: number;
  /** At most this many, 1–10000. Default 1000. */
  limit?: number;
}

export const DEFAULT_LIST_LIMIT = 1000;
export const MAX_LIST_LIMIT = 10_000;

/** Read side of the event log, ordered by seq: timelines, live replay, read-model rebuilds. */
@Injectable()
export class EventLog {
  constructor(private readonly store: EventStore) {}

  listForAggregate(aggregateType: string, aggregateId: string, options: ListEventsOptions = {}): Promise<EventEnvelope[]> {
    return this.list({ aggregateType, aggregateId }, options);
  }

  listAll(options: ListEventsOptions = {}): Promise<EventEnvelope[]> {
    return this.list({}, options);
  }

  /** Events of the given types after `afterSeq`, in seq order: what a consumer reads next. */
  listOfTypes(types: readonly string[], options: ListEventsOptions = {}): Promise<EventEnvelope[]> {
    return this.list({ type: { $in: [...types] } }, options);
  }

  /** One event by id (dead-letter retries), or null. */
  async get(id: string): Promise<EventEnvelope | null> {
    const doc = await this.store.events.findOne({ _id: id });
    return doc ? toEnvelope(doc) : null;
  }

  /** The highest seq stored so far (0 when the log is empty). */
  async lastSeq(): Promise<number> {
    const last = await this.store.events
      .find({}, { projection: { seq: 1 } })
      .sort({ seq: -1 })
      .limit(1)
      .next();
    return last?.seq ?? 0;
  }

  private async list(filter: mongo.Filter<EventDocument>, { afterSeq = 0, limit = DEFAULT_LIST_LIMIT }: ListEventsOptions): Promise<EventEnvelope[]> {
    const docs = await this.store.events
      .find({ ...filter, seq: { $gt: afterSeq } })
      .sort({ seq: 1 })
      .limit(clampLimit(limit))
      .toArray();
    return docs.map(toEnvelope);
  }
}

function clampLimit(limit: number): number {
  if (!Number.isFinite(limit)) return DEFAULT_LIST_LIMIT;
  return Math.min(MAX_LIST_LIMIT, Math.max(1, Math.floor(limit)));
}
