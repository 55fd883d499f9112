import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { UPDATE_KINDS, type UpdateKind } from '../domain/project-state';

/**
 * A news item or milestone posted on a project. Kept out of the project document so that a busy
 * project's history does not grow the document every load and save reads.
 */
@Schema({ collection: 'project_updates', versionKey: false })
export class ProjectUpdateDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) projectId!: string;
  @Prop({ type: String, required: true }) text!: string;
  @Prop({ type: String, required: true, enum: UPDATE_KINDS }) kind!: UpdateKind;
  @Prop({ type: String, required: true }) authorCityId!: string;
  @Prop({ type: String, default: null }) authorUserId!: string | null;
  @Prop({ type: Date, required: true }) createdAt!: Date;
}

export const ProjectUpdateSchema = SchemaFactory.createForClass(ProjectUpdateDocument);
// GET /projects/:id/updates: newest first.
ProjectUpdateSchema.index({ projectId: 1, createdAt: -1, _id: -1 });
