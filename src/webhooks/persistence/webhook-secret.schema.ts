import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The signing secret of a webhook, apart from the webhook itself so that no list, view or log of
 * webhooks ever loads it: only the delivery processor reads it (HMAC needs it as it is, so it
 * cannot be hashed; see docs/decisions.md). Encrypted at rest (secrets/secret-cipher.ts).
 */
@Schema({ collection: 'webhook_secrets', versionKey: false, _id: false })
export class WebhookSecretDocument {
  /** The webhook's id. */
  @Prop({ type: String, required: true }) _id!: string;
  /** `v1:<key id>:<iv>:<ciphertext>:<tag>`; a plain `whsec_…` only if written before encryption, until the next start. */
  @Prop({ type: String, required: true }) secret!: string;
  @Prop({ type: Date, required: true }) createdAt!: Date;
}

export const WebhookSecretSchema = SchemaFactory.createForClass(WebhookSecretDocument);
