import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';

/** A mail kept by the development mailbox (no SMTP_URL): what an admin reads at GET /admin/mailbox. Kept 7 days. */
@Schema({ collection: 'mail_dev_mailbox', versionKey: false })
export class DevMailDocument {
  @Prop({ type: String, default: () => randomUUID() }) _id!: string;
  @Prop({ type: String, required: true }) messageId!: string;
  @Prop({ type: String, required: true }) from!: string;
  @Prop({ type: String, required: true }) to!: string;
  @Prop({ type: String, required: true }) subject!: string;
  @Prop({ type: String, required: true }) text!: string;
  @Prop({ type: String, required: true }) html!: string;
  @Prop({ type: Object, default: {} }) headers!: Record<string, string>;
  @Prop({ type: Date, required: true, expires: 7 * 24 * 3600 }) sentAt!: Date;
}

export const DevMailSchema = SchemaFactory.createForClass(DevMailDocument);
DevMailSchema.index({ sentAt: -1, _id: -1 });
DevMailSchema.index({ to: 1, sentAt: -1 });
