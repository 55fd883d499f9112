import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Endorsement } from '../domain/practice-state';

/** One city's endorsement of a practice, as the aggregate returned it; deleted when withdrawn. */
@Schema({ collection: 'practice_endorsements', versionKey: false })
export class EndorsementDocument implements Endorsement {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) practiceId!: string;
  @Prop({ type: String, required: true }) cityId!: string;
  @Prop({ type: String, default: null }) userId!: string | null;
  @Prop({ type: Date, required: true }) createdAt!: Date;
}

export const EndorsementSchema = SchemaFactory.createForClass(EndorsementDocument);
/** Decides races: of simultaneous endorsements by one city, exactly one is stored. */
export const ENDORSEMENT_UNIQUE_INDEX = 'endorsement_once_per_city';
EndorsementSchema.index({ practiceId: 1, cityId: 1 }, { unique: true, name: ENDORSEMENT_UNIQUE_INDEX });
