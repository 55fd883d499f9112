import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { IdempotencyRecord } from './idempotency-record.schema';

export type Claim =
  { kind: 'claimed' } | { kind: 'replay'; status: number; body: unknown; fingerprint: string } | { kind: 'in-progress'; fingerprint: string };

@Injectable()
export class IdempotencyStore {
  constructor(@InjectModel(IdempotencyRecord.name) private readonly records: Model<IdempotencyRecord>) {}

  /** Inserts a pending record; the unique _id means only one concurrent request wins the claim. */
  async claim(id: string, fingerprint: string): Promise<Claim> {
    try {
      await this.records.create({ _id: id, fingerprint, state: 'pending', createdAt: new Date() });
      return { kind: 'claimed' };
    } catch (e) {
      if ((e as { code?: number }).code !== 11000) throw e;
    }
    const existing = await this.records.findById(id).lean<IdempotencyRecord>().exec();
    if (!existing) return this.claim(id, fingerprint); // expired between the two calls
    if (existing.state === 'done') {
      return { kind: 'replay', status: existing.status!, body: existing.body, fingerprint: existing.fingerprint };
    }
    return { kind: 'in-progress', fingerprint: existing.fingerprint };
  }

  async complete(id: string, status: number, body: unknown): Promise<void> {
    await this.records.updateOne({ _id: id }, { $set: { state: 'done', status, body } }).exec();
  }

  /** The request failed: nothing changed, so the same key may be used again. */
  async release(id: string): Promise<void> {
    await this.records.deleteOne({ _id: id, state: 'pending' }).exec();
  }
}
