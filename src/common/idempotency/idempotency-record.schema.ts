import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

/** One Idempotency-Key of one user: the first response, kept 24 h (TTL index). */
@Schema({ collection: 'idempotency_keys', versionKey: false })
export class IdempotencyRecord {
  /** `${userId}:${key}` — the unique claim that lets exactly one request run. */
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) fingerprint!: string;
  @Prop({ type: String, required: true, enum: ['pending', 'done'] }) state!: 'pending' | 'done';
  @Prop({ type: Number }) status?: number;
  @Prop({ type: Object }) body?: unknown;
  @Prop({ type: Date, required: true, expires: IDEMPOTENCY_TTL_SECONDS }) createdAt!: Date;
}

export const IdempotencyRecordSchema = SchemaFactory.createForClass(IdempotencyRecord);
