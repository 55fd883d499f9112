import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A notification waiting for a user's next digest, rendered in the user's language when it
 * arrived. `digestKey` is null until a digest claims it (then it is that digest's mail key), so
 * each entry goes in exactly one digest. Kept 60 days (a weekly digest claims it within 7).
 */
@Schema({ collection: 'mail_digest_entries', versionKey: false, _id: false })
export class DigestEntryDocument {
  /** `<userId>:<eventId>`: one entry per user and event, however often the event is handled. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) userId!: string;
  @Prop({ type: String, required: true }) eventId!: string;
  @Prop({ type: String, required: true }) type!: string;
  @Prop({ type: String, required: true }) title!: string;
  @Prop({ type: String, required: true }) body!: string;
  /** Where the item leads, and the project or practice it is grouped under in the digest. */
  @Prop({ type: Object, required: true }) link!: { kind: string; id: string };
  @Prop({ type: String, required: true }) groupTitle!: string;
  @Prop({ type: Date, required: true }) at!: Date;
  @Prop({ type: String, default: null }) digestKey!: string | null;
  @Prop({ type: Date, required: true, expires: 60 * 24 * 3600 }) recordedAt!: Date;
}

export const DigestEntrySchema = SchemaFactory.createForClass(DigestEntryDocument);
DigestEntrySchema.index({ userId: 1, digestKey: 1, at: 1 });
