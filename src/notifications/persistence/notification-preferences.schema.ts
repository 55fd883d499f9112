import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { EMAIL_FREQUENCIES, type EmailFrequency } from '../domain/notification-types';

/** A city's notification preferences; `_id` is the city id. */
@Schema({ collection: 'notification_preferences', versionKey: false, _id: false })
export class NotificationPreferencesDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, enum: EMAIL_FREQUENCIES, required: true }) email!: EmailFrequency;
  @Prop({ type: [String], required: true }) mutedTypes!: string[];
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Date, required: true }) updatedAt!: Date;
  @Prop({ type: Number, required: true }) version!: number;
}

export const NotificationPreferencesSchema = SchemaFactory.createForClass(NotificationPreferencesDocument);
