import { Injectable } from '@nestjs/common';
import type { mongo } from 'mongoose';
import { SUBSCRIPTIONS_COLLECTION } from '../event-document';
import { EventStore } from '../event-store';
import { isDuplicateKeyError } from '../mongo-errors';

/** The event a consumer is stuck on, while it retries. */
export interface FailingEvent {
  eventId: string;
  seq: number;
  type: string;
  attempts: number;
  error: string;
  since: Date;
}

/** One shared consumer's position in the log, and the lease of the runner that moves it. */
export interface SubscriptionDocument {
  /** The consumer's name. */
  _id: string;
  /** Checkpoint: every event up to this seq is handled (or not of its types). */
  seq: number;
  owner: string | null;
  leaseUntil: Date;
  /** When the checkpoint last moved, or the runner last found nothing to do. */
  progressAt: Date;
  failing: FailingEvent | null;
  /** Set by `npm run rebuild:read-models`; the lease holder rebuilds, then clears it. */
  rebuildRequestedAt: Date | null;
  lastRebuild: { requestedAt: Date; finishedAt: Date; events: number; throughSeq: number } | null;
}

/**
 * The `subscriptions` collection. Every write of a runner is filtered on `owner`, so a runner
 * that lost its lease (paused past its expiry, then resumed) can never move the checkpoint.
 */
@Injectable()
export class SubscriptionStore {
  constructor(private readonly store: EventStore) {}

  private get subscriptions(): mongo.Collection<SubscriptionDocument> {
    return this.store.collection<SubscriptionDocument>(SUBSCRIPTIONS_COLLECTION);
  }

  /** Takes or renews the lease; the document when `owner` holds it now, null when another does. */
  async acquire(name: string, owner: string, leaseMs: number, now = new Date()): Promise<SubscriptionDocument | null> {
    try {
      const doc = await this.subscriptions.findOneAndUpdate(
        { _id: name, $or: [{ owner }, { leaseUntil: { $lte: now } }] },
        {
          $set: { owner, leaseUntil: new Date(now.getTime() + leaseMs) },
          $setOnInsert: { seq: 0, progressAt: now, failing: null, rebuildRequestedAt: null, lastRebuild: null },
        },
        { upsert: true, returnDocument: 'after' },
      );
      return doc?.owner === owner ? doc : null;
    } catch (error) {
      // The filter missed because another owner holds a live lease, so the upsert hit its _id.
      if (isDuplicateKeyError(error)) return null;
      throw error;
    }
  }

  /**
   * Moves the checkpoint (never backwards) and renews the lease. Returns the document (so the
   * runner sees a rebuild request), or null when the lease was lost.
   */
  advance(name: string, owner: string, seq: number, leaseMs: number, now = new Date()): Promise<SubscriptionDocument | null> {
    return this.subscriptions.findOneAndUpdate(
      { _id: name, owner },
      { $max: { seq }, $set: { leaseUntil: new Date(now.getTime() + leaseMs), progressAt: now, failing: null } },
      { returnDocument: 'after' },
    );
  }

  /** Records the event the consumer is retrying (for /health and metrics on every instance). */
  async fail(name: string, owner: string, failing: FailingEvent): Promise<void> {
    await this.subscriptions.updateOne({ _id: name, owner }, { $set: { failing } });
  }

  /** Lets another instance take over at once instead of waiting for the lease to expire. */
  async release(name: string, owner: string): Promise<void> {
    await this.subscriptions.updateOne({ _id: name, owner }, { $set: { owner: null, leaseUntil: new Date(0) } });
  }

  async requestRebuild(name: string, now = new Date()): Promise<void> {
    await this.subscriptions.updateOne(
      { _id: name },
      {
        $set: { rebuildRequestedAt: now },
        $setOnInsert: { seq: 0, owner: null, leaseUntil: new Date(0), progressAt: now, failing: null, lastRebuild: null },
      },
      { upsert: true },
    );
  }

  /** The swap is done: the checkpoint is where the rebuild stopped reading. */
  async finishRebuild(name: string, owner: string, requestedAt: Date, throughSeq: number, events: number, now = new Date()): Promise<boolean> {
    const result = await this.subscriptions.updateOne(
      { _id: name, owner },
      {
        $set: {
          seq: throughSeq,
          progressAt: now,
          failing: null,
          rebuildRequestedAt: null,
          lastRebuild: { requestedAt, finishedAt: now, events, throughSeq },
        },
      },
    );
    return result.matchedCount === 1;
  }

  get(name: string): Promise<SubscriptionDocument | null> {
    return this.subscriptions.findOne({ _id: name });
  }

  list(): Promise<SubscriptionDocument[]> {
    return this.subscriptions.find({}).sort({ _id: 1 }).toArray();
  }
}
