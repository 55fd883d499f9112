import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One mail the SMTP server accepted (or the development mailbox kept), keyed by the mail's key:
 * what makes a mail go out once across retries and restarts. Kept 30 days (a retry comes within a day).
 */
@Schema({ collection: 'mail_sent', versionKey: false, _id: false })
export class SentMailDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) to!: string;
  @Prop({ type: String, required: true }) messageId!: string;
  @Prop({ type: Date, required: true, expires: 30 * 24 * 3600 }) sentAt!: Date;
}

export const SentMailSchema = SchemaFactory.createForClass(SentMailDocument);
