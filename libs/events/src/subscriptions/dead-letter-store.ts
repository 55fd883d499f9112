import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { mongo } from 'mongoose';
import { DEAD_LETTERS_COLLECTION } from '../event-document';
import type { EventEnvelope } from '../event-envelope';
import { EventStore } from '../event-store';

/**
 * `parked`: the consumer gave up after its attempts and moved on. `retrying`: an admin asked for
 * another try, which the consumer's runner makes. `delivered` / `skipped`: resolved.
 */
export type DeadLetterStatus = 'parked' | 'retrying' | 'delivered' | 'skipped';

export interface DeadLetter {
  /** `<consumer>@<eventId>`: one dead letter per consumer and event. */
  _id: string;
  consumer: string;
  eventId: string;
  seq: number;
  type: string;
  aggregateType: string;
  aggregateId: string;
  attempts: number;
  error: string;
  status: DeadLetterStatus;
  parkedAt: Date;
  updatedAt: Date;
}

export const deadLetterId = (consumer: string, eventId: string) => `${consumer}@${eventId}`;

/** The `dead_letters` collection: events a consumer could not handle, for admins to retry or skip. */
@Injectable()
export class DeadLetterStore implements OnModuleInit {
  constructor(private readonly store: EventStore) {}

  private get letters(): mongo.Collection<DeadLetter> {
    return this.store.collection<DeadLetter>(DEAD_LETTERS_COLLECTION);
  }

  async onModuleInit(): Promise<void> {
    await this.letters.createIndexes([{ key: { status: 1, consumer: 1, seq: 1 }, name: 'status_consumer_seq' }]);
  }

  /** Parks an event; parking it again (a replay after a crash) only updates the error. */
  async park(consumer: string, event: EventEnvelope, attempts: number, error: string, now = new Date()): Promise<void> {
    await this.letters.updateOne(
      { _id: deadLetterId(consumer, event.id) },
      {
        $set: { attempts, error, status: 'parked', updatedAt: now },
        $setOnInsert: {
          consumer,
          eventId: event.id,
          seq: event.seq,
          type: event.type,
          aggregateType: event.aggregateType,
          aggregateId: event.aggregateId,
          parkedAt: now,
        },
      },
      { upsert: true },
    );
  }

  /** Moves a letter from one status to another; null when it is not in `from` (or does not exist). */
  transition(id: string, from: DeadLetterStatus, to: DeadLetterStatus, extra: Partial<DeadLetter> = {}): Promise<DeadLetter | null> {
    return this.letters.findOneAndUpdate(
      { _id: id, status: from },
      { $set: { ...extra, status: to, updatedAt: new Date() } },
      { returnDocument: 'after' },
    );
  }

  get(id: string): Promise<DeadLetter | null> {
    return this.letters.findOne({ _id: id });
  }

  /** Letters waiting for their consumer's runner to try again, oldest event first. */
  retrying(consumer: string, limit: number): Promise<DeadLetter[]> {
    return this.letters.find({ consumer, status: 'retrying' }).sort({ seq: 1 }).limit(limit).toArray();
  }

  async list(filter: { status?: DeadLetterStatus; consumer?: string }, page: number, limit: number): Promise<{ items: DeadLetter[]; total: number }> {
    const query: mongo.Filter<DeadLetter> = {};
    if (filter.status) query.status = filter.status;
    if (filter.consumer) query.consumer = filter.consumer;
    const [items, total] = await Promise.all([
      this.letters
        .find(query)
        .sort({ seq: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .toArray(),
      this.letters.countDocuments(query),
    ]);
    return { items, total };
  }

  /** Parked letters per consumer, for metrics. */
  async countParked(): Promise<Map<string, number>> {
    const rows = await this.letters
      .aggregate<{ _id: string; n: number }>([{ $match: { status: 'parked' } }, { $group: { _id: '$consumer', n: { $sum: 1 } } }])
      .toArray();
    return new Map(rows.map((r) => [r._id, r.n]));
  }
}
