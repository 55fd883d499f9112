import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The read model's collection (a projection: rebuilt into a fresh collection, then renamed over it). */
export const COLLABORATIONS_COLLECTION = 'cities_project_memberships';

/** One project of the collaborations read model (`ProjectMembership` stored); `_id` is the project id. */
@Schema({ collection: COLLABORATIONS_COLLECTION, versionKey: false })
export class ProjectMembershipDocument {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  title!: string;

  @Prop({ type: [String], required: true })
  memberIds!: string[];

  @Prop({ type: Number, required: true })
  seq!: number;
}

export const ProjectMembershipSchema = SchemaFactory.createForClass(ProjectMembershipDocument);
ProjectMembershipSchema.index({ memberIds: 1 }, { name: 'membership_member' });
