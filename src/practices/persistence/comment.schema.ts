import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { COMMENT_STATUSES, type CommentSnapshot, type CommentStatus } from '../domain/practice-state';

/** The stored comment: its snapshot as is, with `_id` for `id`. */
export type StoredComment = Omit<CommentSnapshot, 'id'> & { _id: string };

export function commentToStored({ id, ...fields }: CommentSnapshot): StoredComment {
  return { _id: id, ...fields };
}

export function commentFromStored({ _id, ...fields }: StoredComment): CommentSnapshot {
  return { id: _id, ...fields };
}

/** A comment on a practice, kept out of the practice document so that loading a practice stays small. */
@Schema({ collection: 'practice_comments', versionKey: false })
export class CommentDocument implements StoredComment {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) practiceId!: string;
  @Prop({ type: String, default: null }) authorCityId!: string | null;
  @Prop({ type: String, default: null }) authorUserId!: string | null;
  @Prop({ type: String, required: true }) text!: string;
  @Prop({ type: String, required: true, enum: COMMENT_STATUSES }) status!: CommentStatus;
  @Prop({ type: String, default: null }) hiddenReason!: string | null;
  @Prop({ type: Date, default: null }) hiddenAt!: Date | null;
  @Prop({ type: Number, required: true }) version!: number;
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Date, required: true }) updatedAt!: Date;
}

export const CommentSchema = SchemaFactory.createForClass(CommentDocument);
// GET /practices/:id/comments: oldest first.
CommentSchema.index({ practiceId: 1, createdAt: 1, _id: 1 });
