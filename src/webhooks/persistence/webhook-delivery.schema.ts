import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The delivery log keeps this long (a TTL index removes older entries). */
export const DELIVERY_LOG_DAYS = 30;

/**
 * One delivery of one event to one webhook, with the outcome of its last attempt. Written when
 * the event is dispatched (so the log shows it pending), updated by each attempt.
 */
@Schema({ collection: 'webhook_deliveries', versionKey: false, _id: false })
export class WebhookDeliveryDocument {
  /** The delivery id: `X-CCX-Delivery`, the same on every retry. */
  @Prop({ type: String, required: true }) _id!: string;
  /** Unique: `<eventId>@<webhookId>` for the event's delivery (a replayed event finds it), `redelivery@<id>` for a manual one. */
  @Prop({ type: String, required: true }) key!: string;
  @Prop({ type: String, required: true }) webhookId!: string;
  @Prop({ type: String, required: true }) eventId!: string;
  @Prop({ type: String, required: true }) type!: string;
  /** The JSON body as sent, byte for byte on every attempt (`{id, type, at, data}`). */
  @Prop({ type: String, required: true }) body!: string;
  /** The delivery this one repeats (manual redelivery), else null. */
  @Prop({ type: String, default: null }) redeliveryOf!: string | null;
  @Prop({ type: String, required: true }) status!: DeliveryStatus;
  @Prop({ type: Number, default: 0 }) attempts!: number;
  @Prop({ type: Number, default: null }) responseStatus!: number | null;
  /** The start of the receiver's answer, capped (RESPONSE_BODY_CAP). */
  @Prop({ type: String, default: null }) responseBody!: string | null;
  @Prop({ type: Boolean, default: false }) responseTruncated!: boolean;
  @Prop({ type: Number, default: null }) durationMs!: number | null;
  @Prop({ type: String, default: null }) error!: string | null;
  @Prop({ type: Date, default: null }) lastAttemptAt!: Date | null;
  @Prop({ type: Date, default: null }) nextAttemptAt!: Date | null;
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Date, required: true }) updatedAt!: Date;
  @Prop({ type: Number, default: 1 }) version!: number;
}

export const WebhookDeliverySchema = SchemaFactory.createForClass(WebhookDeliveryDocument);
WebhookDeliverySchema.index({ key: 1 }, { unique: true, name: 'key_unique' });
WebhookDeliverySchema.index({ webhookId: 1, createdAt: -1, _id: -1 }, { name: 'webhook_newest' });
WebhookDeliverySchema.index({ createdAt: 1 }, { name: 'log_ttl', expireAfterSeconds: DELIVERY_LOG_DAYS * 24 * 3600 });
