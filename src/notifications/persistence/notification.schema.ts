import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One inbox item of one city. `(eventId, cityId)` is unique: a second write for an event is a no-op. */
@Schema({ collection: 'notifications', versionKey: false, _id: false })
export class NotificationDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) cityId!: string;
  @Prop({ type: String, required: true }) eventId!: string;
  @Prop({ type: String, required: true }) type!: string;
  @Prop({ type: String, required: true }) title!: string;
  @Prop({ type: String, required: true }) body!: string;
  @Prop({ type: { kind: String, id: String }, _id: false, required: true }) link!: { kind: string; id: string };
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Date, required: true }) updatedAt!: Date;
  @Prop({ type: Date, default: null }) readAt!: Date | null;
  @Prop({ type: Number, default: 1 }) version!: number;
}

export const NotificationSchema = SchemaFactory.createForClass(NotificationDocument);
NotificationSchema.index({ eventId: 1, cityId: 1 }, { unique: true, name: 'event_city_unique' });
// Newest first per city, and the unread filter / count.
NotificationSchema.index({ cityId: 1, createdAt: -1, _id: -1 }, { name: 'city_newest' });
NotificationSchema.index({ cityId: 1, readAt: 1 }, { name: 'city_unread' });
