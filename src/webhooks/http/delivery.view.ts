import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_STATUSES, type DeliveryStatus, type WebhookDeliveryDocument } from '../persistence/webhook-delivery.schema';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** One entry of a webhook's delivery log. */
export class DeliveryView {
  @ApiProperty({ description: 'The delivery id, sent as `X-CCX-Delivery`' }) id!: string;
  @ApiProperty() webhookId!: string;
  @ApiProperty({ description: 'The event delivered (`id` in the body)' }) eventId!: string;
  @ApiProperty({ description: 'The event type, sent as `X-CCX-Event`' }) type!: string;
  @ApiProperty({
    enum: DELIVERY_STATUSES,
    description:
      '`pending` (not tried yet), `retrying` (failed, tried again at `nextAttemptAt`), `succeeded` (a 2xx), `failed` (given up after 24 h), `cancelled`',
  })
  status!: DeliveryStatus;
  @ApiProperty({ minimum: 0 }) attempts!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The HTTP status of the last answer; null when none came' }) responseStatus!:
    number | null;
  @ApiProperty({ type: String, nullable: true, description: 'The start of the last answer’s body (at most 2048 bytes)' }) responseBody!:
    string | null;
  @ApiProperty({ description: 'Whether the answer was longer than what is kept' }) responseTruncated!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'How long the last attempt took, in milliseconds' }) durationMs!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed (timeout, refused target, redirect, non-2xx…)' })
  error!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it is tried again (at the latest)' }) nextAttemptAt!:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The delivery this one repeats (manual redelivery)' }) redeliveryOf!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(d: WebhookDeliveryDocument): DeliveryView {
    return {
      id: d._id,
      webhookId: d.webhookId,
      eventId: d.eventId,
      type: d.type,
      status: d.status,
      attempts: d.attempts,
      responseStatus: d.responseStatus,
      responseBody: d.responseBody,
      responseTruncated: d.responseTruncated,
      durationMs: d.durationMs,
      error: d.error,
      lastAttemptAt: iso(d.lastAttemptAt),
      nextAttemptAt: iso(d.nextAttemptAt),
      redeliveryOf: d.redeliveryOf,
      version: d.version,
      createdAt: new Date(d.createdAt).toISOString(),
      updatedAt: new Date(d.updatedAt).toISOString(),
    };
  }
}
