import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { ClientSession, Connection, mongo } from 'mongoose';
import type { EventEnvelope } from './event-envelope';
import { COUNTERS_COLLECTION, EVENT_SEQ_COUNTER, EVENTS_COLLECTION, type CounterDocument, type EventDocument } from './event-document';
import { isDuplicateKeyError } from './mongo-errors';

/** An event ready to be appended: everything but its `seq`, which the append hands out. */
export type EventDraft = Omit<EventEnvelope, 'seq'>;

/**
 * The `events` collection: appending inside a transaction. The only class that writes events.
 */
@Injectable()
export class EventStore implements OnModuleInit {
  private readonly logger = new Logger(EventStore.name);

  constructor(@InjectConnection() private readonly connection: Connection) {}

  get events(): mongo.Collection<EventDocument> {
    return this.db().collection<EventDocument>(EVENTS_COLLECTION);
  }

  /** Another collection of the backbone (subscriptions, dead letters) on the same connection. */
  collection<T extends mongo.Document>(name: string): mongo.Collection<T> {
    return this.db().collection<T>(name);
  }

  /** The names of the database's collections. */
  async collectionNames(): Promise<string[]> {
    const infos = await this.db().listCollections({}, { nameOnly: true }).toArray();
    return infos.map((info) => info.name);
  }

  /** Creates a collection unless it exists (MongoDB's code 48, NamespaceExists). */
  async createCollection(name: string): Promise<void> {
    await this.db()
      .createCollection(name)
      .catch((error: unknown) => {
        if ((error as { code?: unknown }).code !== 48) throw error;
      });
  }

  private get counters(): mongo.Collection<CounterDocument> {
    return this.db().collection<CounterDocument>(COUNTERS_COLLECTION);
  }

  async onModuleInit(): Promise<void> {
    await this.events.createIndexes([
      { key: { seq: 1 }, name: 'seq_unique', unique: true },
      { key: { aggregateType: 1, aggregateId: 1, seq: 1 }, name: 'aggregate_seq' },
    ]);
    // The outbox claim index of the first event model (events were claimed, then published).
    await this.events.dropIndex('undispatched').catch(() => undefined);
    await this.alignCounter();
  }

  /**
   * Appends events in the caller's transaction. The `$inc` on the single counter document makes
   * concurrent writers conflict and retry, so seq order is commit order (the live replay relies on
   * it: nothing can commit later with a smaller seq than one already read).
   */
  async append(drafts: readonly EventDraft[], session: ClientSession): Promise<EventEnvelope[]> {
    if (drafts.length === 0) return [];
    const counter = await this.counters.findOneAndUpdate(
      { _id: EVENT_SEQ_COUNTER },
      { $inc: { seq: drafts.length } },
      { upsert: true, returnDocument: 'after', session },
    );
    if (!counter) throw new Error('EventStore: the seq counter could not be incremented');
    const first = counter.seq - drafts.length + 1;
    const envelopes = drafts.map((draft, i): EventEnvelope => ({ ...draft, seq: first + i }));
    await this.events.insertMany(
      envelopes.map((e) => ({
        _id: e.id,
        seq: e.seq,
        type: e.type,
        aggregateType: e.aggregateType,
        aggregateId: e.aggregateId,
        actor: e.actor,
        correlationId: e.correlationId,
        causationId: e.causationId,
        at: e.at,
        data: e.data,
      })),
      { session, ordered: true },
    );
    return envelopes;
  }

  /** The counter must never be behind the log (e.g. a restored `events` without `counters`). */
  private async alignCounter(): Promise<void> {
    const last = await this.events
      .find({}, { projection: { seq: 1 } })
      .sort({ seq: -1 })
      .limit(1)
      .next();
    const lastSeq = last?.seq ?? 0;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.counters.updateOne({ _id: EVENT_SEQ_COUNTER }, { $max: { seq: lastSeq } }, { upsert: true });
        return;
      } catch (error) {
        // Two instances starting together may both try the upsert; the second just retries.
        if (!isDuplicateKeyError(error) || attempt >= 2) throw error;
        this.logger.debug('seq counter created concurrently; retrying alignment');
      }
    }
  }

  private db(): mongo.Db {
    const db = this.connection.db;
    if (!db) throw new Error('EventStore: the MongoDB connection is not open yet');
    return db;
  }
}
