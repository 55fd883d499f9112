import { ApiProperty } from '@nestjs/swagger';
import type { WebhookDocument } from '../persistence/webhook.schema';

/** A webhook subscription as its owners see it (never its secret). */
export class WebhookView {
  @ApiProperty() id!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The city whose events it receives; null for the network’s (admin) webhooks, which receive every event',
  })
  cityId!: string | null;
  @ApiProperty({ format: 'uri' }) url!: string;
  @ApiProperty({ type: [String], description: 'The event types delivered' }) events!: string[];
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(w: WebhookDocument): WebhookView {
    return {
      id: w._id,
      cityId: w.cityId,
      url: w.url,
      events: [...w.events],
      description: w.description,
      version: w.version,
      createdAt: new Date(w.createdAt).toISOString(),
      updatedAt: new Date(w.updatedAt).toISOString(),
    };
  }
}

/** The answer to creating a webhook: the only time its secret is shown. */
export class CreatedWebhookView extends WebhookView {
  @ApiProperty({
    description:
      'The signing secret, shown only now: the key of `X-CCX-Signature` (hex HMAC-SHA256 of `<X-CCX-Timestamp>.<body>`). Store it; it cannot be read again.',
  })
  secret!: string;
}
