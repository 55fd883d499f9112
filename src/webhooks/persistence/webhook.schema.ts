import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A subscription: a city's (`cityId`), or the network's (`cityId: null`, made by an admin: every event). */
@Schema({ collection: 'webhooks', versionKey: false, _id: false })
export class WebhookDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, default: null }) cityId!: string | null;
  @Prop({ type: String, required: true }) url!: string;
  @Prop({ type: [String], required: true }) events!: string[];
  @Prop({ type: String, default: null }) description!: string | null;
  @Prop({ type: String, default: null }) createdBy!: string | null;
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Date, required: true }) updatedAt!: Date;
  @Prop({ type: Number, default: 1 }) version!: number;
}

export const WebhookSchema = SchemaFactory.createForClass(WebhookDocument);
// The dispatcher asks "who follows these types?" for every batch of events.
WebhookSchema.index({ events: 1 }, { name: 'by_event_type' });
WebhookSchema.index({ cityId: 1, createdAt: -1 }, { name: 'city_newest' });
