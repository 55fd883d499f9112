import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The read model's collection (a projection: rebuilt into a fresh collection, then renamed over it). */
export const COLLABORATIONS_COLLECTION = 'cities_project_memberships';

/**
 * One link of the collaborations read model (`CollaborationLink` stored): `_id` is the project's
 * id, or `exchange:<id>` for a completed exchange. Documents written before exchanges counted
 * have no `kind`: they are projects.
 */
@Schema({ collection: COLLABORATIONS_COLLECTION, versionKey: false })
export class CollaborationLinkDocument {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, enum: ['project', 'exchange'] })
  kind?: 'project' | 'exchange';

  @Prop({ type: String, required: true })
  title!: string;

  @Prop({ type: [String], required: true })
  memberIds!: string[];

  @Prop({ type: Number, required: true })
  seq!: number;
}

export const CollaborationLinkSchema = SchemaFactory.createForClass(CollaborationLinkDocument);
CollaborationLinkSchema.index({ memberIds: 1 }, { name: 'membership_member' });
