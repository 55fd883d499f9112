import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ConflictError } from '@app/domain';
import { randomUUID } from 'node:crypto';
import type { ClientSession, Model } from 'mongoose';
import { IdempotencyRecord } from './idempotency-record.schema';
import { DEFAULT_IDEMPOTENCY_OPTIONS, IDEMPOTENCY_OPTIONS, type IdempotencyOptions } from './idempotency.options';

export type Claim =
  | { kind: 'claimed'; owner: string }
  | { kind: 'replay'; status: number; body: unknown; fingerprint: string }
  | { kind: 'in-progress'; fingerprint: string }
  /** Its command's effects were committed, but the request died before its response was stored. */
  | { kind: 'applied'; fingerprint: string; committedAt: Date };

/** The error that aborts a command's transaction whose request no longer holds its key. */
export const LEASE_LOST = 'idempotency.lease-lost';

@Injectable()
export class IdempotencyStore {
  private readonly leaseMs: number;

  constructor(
    @InjectModel(IdempotencyRecord.name) private readonly records: Model<IdempotencyRecord>,
    @Optional() @Inject(IDEMPOTENCY_OPTIONS) options?: IdempotencyOptions,
  ) {
    this.leaseMs = (options ?? DEFAULT_IDEMPOTENCY_OPTIONS).pendingLeaseMs;
  }

  get pendingLeaseMs(): number {
    return this.leaseMs;
  }

  /**
   * Inserts a pending record held by a new owner; the unique _id means only one concurrent request
   * wins. A pending record whose lease ran out and whose command never committed (its request
   * crashed) is taken over by a retry with the same request.
   */
  async claim(id: string, fingerprint: string, now = new Date()): Promise<Claim> {
    const owner = randomUUID();
    const lease = { owner, leaseUntil: new Date(now.getTime() + this.leaseMs), createdAt: now };
    for (;;) {
      try {
        await this.records.create({ _id: id, fingerprint, state: 'pending', committedAt: null, ...lease });
        return { kind: 'claimed', owner };
      } catch (e) {
        if ((e as { code?: number }).code !== 11000) throw e;
      }
      const existing = await this.records.findById(id).lean<IdempotencyRecord>().exec();
      if (!existing) continue; // expired between the two calls
      if (existing.state === 'done') {
        return { kind: 'replay', status: existing.status!, body: existing.body, fingerprint: existing.fingerprint };
      }
      // Records written before leases existed count from their creation.
      const leaseUntil = new Date(existing.leaseUntil ?? new Date(existing.createdAt).getTime() + this.leaseMs);
      const live = leaseUntil.getTime() > now.getTime();
      if (existing.committedAt) {
        return live
          ? { kind: 'in-progress', fingerprint: existing.fingerprint }
          : { kind: 'applied', fingerprint: existing.fingerprint, committedAt: existing.committedAt };
      }
      if (live || existing.fingerprint !== fingerprint) return { kind: 'in-progress', fingerprint: existing.fingerprint };
      // Filtered on the owner we saw: of two retries taking over at once, one wins.
      const taken = await this.records
        .updateOne({ _id: id, state: 'pending', committedAt: null, owner: existing.owner ?? null }, { $set: lease })
        .exec();
      if (taken.matchedCount === 1) return { kind: 'claimed', owner };
    }
  }

  /** Extends the lease of a key its request still holds; false when it lost it. */
  async renew(id: string, owner: string, now = new Date()): Promise<boolean> {
    const result = await this.records
      .updateOne({ _id: id, owner, state: 'pending' }, { $set: { leaseUntil: new Date(now.getTime() + this.leaseMs) } })
      .exec();
    return result.matchedCount === 1;
  }

  /**
   * Written in the transaction of the command's effects: from its commit on, the key is used for
   * good. When the request lost its key meanwhile (it stalled past its lease and a retry took it),
   * throws, which aborts the transaction: the command's effects are never stored twice.
   */
  async markCommitted(id: string, owner: string, session: ClientSession): Promise<void> {
    const result = await this.records.updateOne({ _id: id, owner }, { $set: { committedAt: new Date() } }, { session }).exec();
    if (result.matchedCount !== 1) {
      throw new ConflictError(
        LEASE_LOST,
        'This request took too long and another request with the same Idempotency-Key took over; nothing was changed.',
      );
    }
  }

  async complete(id: string, owner: string, status: number, body: unknown): Promise<void> {
    await this.records.updateOne({ _id: id, owner }, { $set: { state: 'done', status, body } }).exec();
  }

  /** The request failed before its command committed anything: the same key may be used again. */
  async release(id: string, owner: string): Promise<void> {
    await this.records.deleteOne({ _id: id, owner, state: 'pending', committedAt: null }).exec();
  }
}
