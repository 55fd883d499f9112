import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A city's notification preferences; `_id` is the city id. Only the muted types are the city's: the
 * e-mail cadence is each user's own (stored with the user, in auth). Documents saved before that
 * change may still hold an `email` field; nothing reads it.
 */
@Schema({ collection: 'notification_preferences', versionKey: false, _id: false })
export class NotificationPreferencesDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: [String], required: true }) mutedTypes!: string[];
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Date, required: true }) updatedAt!: Date;
  @Prop({ type: Number, required: true }) version!: number;
}

export const NotificationPreferencesSchema = SchemaFactory.createForClass(NotificationPreferencesDocument);
