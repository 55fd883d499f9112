import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { createHash, randomUUID } from 'node:crypto';
import { skipOf, type PageRequest } from '../../shared/pagination';
import { WebhookDeliveryDocument, type DeliveryStatus } from './webhook-delivery.schema';

/** A delivery to write: the event's body for one webhook. */
export interface NewDelivery {
  /** The delivery id, when the caller needs it before the write (else a new UUID). */
  id?: string;
  key: string;
  webhookId: string;
  eventId: string;
  type: string;
  body: string;
  redeliveryOf?: string | null;
}

/** The outcome of one attempt. */
export interface AttemptOutcome {
  status: DeliveryStatus;
  responseStatus: number | null;
  responseBody: string | null;
  responseTruncated: boolean;
  durationMs: number | null;
  error: string | null;
  at: Date;
  nextAttemptAt: Date | null;
}

/** The `webhook_deliveries` collection: the delivery log. */
@Injectable()
export class DeliveryRepository implements OnModuleInit {
  constructor(@InjectModel(WebhookDeliveryDocument.name) private readonly model: Model<WebhookDeliveryDocument>) {}

  /** The unique `key` index must exist before `ensure` relies on it. */
  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  /**
   * Writes each delivery unless it exists (a replayed event finds its delivery), in one round trip,
   * and answers each key's delivery id, new or old: the id is derived from the key, so it is known
   * without reading back.
   */
  async ensure(items: NewDelivery[], now = new Date()): Promise<Map<string, string>> {
    const docs = items.map((item) => this.fresh({ ...item, id: item.id ?? deliveryIdOf(item.key) }, now));
    if (docs.length > 0) {
      await this.model.collection.insertMany(docs as never[], { ordered: false }).catch((error: unknown) => {
        if (!onlyDuplicates(error)) throw error; // a duplicate is a delivery already written
      });
    }
    return new Map(docs.map((d) => [d.key, d._id]));
  }

  async create(item: NewDelivery, now = new Date()): Promise<WebhookDeliveryDocument> {
    const doc = this.fresh(item, now);
    await this.model.collection.insertOne(doc as never);
    return doc;
  }

  get(id: string): Promise<WebhookDeliveryDocument | null> {
    return this.model.findById(id).lean<WebhookDeliveryDocument>().exec();
  }

  async listOf(webhookId: string, page: PageRequest): Promise<{ items: WebhookDeliveryDocument[]; total: number }> {
    const filter = { webhookId };
    const [items, total] = await Promise.all([
      this.model.find(filter).sort({ createdAt: -1, _id: -1 }).skip(skipOf(page)).limit(page.limit).lean<WebhookDeliveryDocument[]>().exec(),
      this.model.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }

  async recordAttempt(id: string, outcome: AttemptOutcome): Promise<void> {
    const { at, ...fields } = outcome;
    await this.model.updateOne({ _id: id }, { $set: { ...fields, lastAttemptAt: at, updatedAt: at }, $inc: { attempts: 1, version: 1 } }).exec();
  }

  /** Marks a delivery that will not be attempted (its webhook was deleted). */
  async cancel(id: string, reason: string, at = new Date()): Promise<void> {
    await this.model
      .updateOne({ _id: id }, { $set: { status: 'cancelled', error: reason, nextAttemptAt: null, updatedAt: at }, $inc: { version: 1 } })
      .exec();
  }

  async deleteOf(webhookId: string): Promise<void> {
    await this.model.deleteMany({ webhookId }).exec();
  }

  private fresh({ id, ...item }: NewDelivery, now: Date): WebhookDeliveryDocument {
    return {
      _id: id ?? randomUUID(),
      ...item,
      redeliveryOf: item.redeliveryOf ?? null,
      status: 'pending',
      attempts: 0,
      responseStatus: null,
      responseBody: null,
      responseTruncated: false,
      durationMs: null,
      error: null,
      lastAttemptAt: null,
      nextAttemptAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
  }
}

function onlyDuplicates(error: unknown): boolean {
  const e = error as { code?: number; writeErrors?: { code?: number }[] | { code?: number } };
  if (e.writeErrors) return ([] as { code?: number }[]).concat(e.writeErrors).every((w) => w.code === 11000);
  return e.code === 11000;
}

/** A UUID (version 5 layout) derived from a delivery's key: the same event and webhook, the same delivery id. */
export function deliveryIdOf(key: string): string {
  const h = createHash('sha256').update(`webhook-delivery:${key}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
