import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

/**
 * One Idempotency-Key of one user, kept 24 h (TTL index). While its request runs the record is
 * `pending` and held by a lease (`owner`, `leaseUntil`) the request renews; `committedAt` is set
 * in the transaction of the command's effects; `done` keeps the first response for replays.
 */
@Schema({ collection: 'idempotency_keys', versionKey: false })
export class IdempotencyRecord {
  /** `${userId}:${key}` — the unique claim that lets exactly one request run. */
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) fingerprint!: string;
  @Prop({ type: String, required: true, enum: ['pending', 'done'] }) state!: 'pending' | 'done';
  /** The request that holds the key (a random token per attempt). */
  @Prop({ type: String }) owner?: string;
  /** A pending key whose lease ran out (its request crashed) may be taken by a retry. */
  @Prop({ type: Date }) leaseUntil?: Date;
  /** Set in the command's own transaction: its effects are stored, so it must never run again. */
  @Prop({ type: Date }) committedAt?: Date | null;
  @Prop({ type: Number }) status?: number;
  @Prop({ type: Object }) body?: unknown;
  @Prop({ type: Date, required: true, expires: IDEMPOTENCY_TTL_SECONDS }) createdAt!: Date;
}

export const IdempotencyRecordSchema = SchemaFactory.createForClass(IdempotencyRecord);
