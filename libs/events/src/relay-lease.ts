import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import type { Connection, mongo } from 'mongoose';
import { LEASES_COLLECTION, type LeaseDocument } from './event-document';
import { isDuplicateKeyError } from './mongo-errors';

/**
 * A named lease in the `leases` collection: at most one owner until `expiresAt`. The owner renews
 * it by acquiring again; another instance takes it over once it has expired.
 */
@Injectable()
export class RelayLease {
  readonly name = 'event-relay';
  readonly owner = randomUUID();

  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get leases(): mongo.Collection<LeaseDocument> {
    const db = this.connection.db;
    if (!db) throw new Error('RelayLease: the MongoDB connection is not open yet');
    return db.collection<LeaseDocument>(LEASES_COLLECTION);
  }

  /** True when this instance holds the lease for the next `durationMs`. */
  async acquire(durationMs: number, now = new Date()): Promise<boolean> {
    try {
      const lease = await this.leases.findOneAndUpdate(
        { _id: this.name, $or: [{ owner: this.owner }, { expiresAt: { $lte: now } }] },
        { $set: { owner: this.owner, expiresAt: new Date(now.getTime() + durationMs) } },
        { upsert: true, returnDocument: 'after' },
      );
      return lease?.owner === this.owner;
    } catch (error) {
      // The filter missed because another owner holds a live lease, so the upsert hit its _id.
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** Lets another instance take over at once instead of waiting for expiry. */
  async release(): Promise<void> {
    await this.leases.updateOne({ _id: this.name, owner: this.owner }, { $set: { expiresAt: new Date(0) } });
  }
}
