import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { REPORT_STATUSES, REPORT_TARGETS, type Report, type ReportStatus, type ReportTarget } from '../domain/practice-state';

/** The stored report: as the aggregate made it, with `_id` for `id`. */
export type StoredReport = Omit<Report, 'id'> & { _id: string };

export function reportToStored({ id, ...fields }: Report): StoredReport {
  return { _id: id, ...fields };
}

export function reportFromStored({ _id, ...fields }: StoredReport): Report {
  return { id: _id, ...fields };
}

/** A user's report of a practice or a comment, open until a moderator hides the item. */
@Schema({ collection: 'practice_reports', versionKey: false })
export class ReportDocument implements StoredReport {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true, enum: REPORT_TARGETS }) targetType!: ReportTarget;
  @Prop({ type: String, required: true }) targetId!: string;
  @Prop({ type: String, required: true }) practiceId!: string;
  @Prop({ type: String, required: true }) reporterUserId!: string;
  @Prop({ type: String, default: null }) reporterCityId!: string | null;
  @Prop({ type: String, required: true }) reason!: string;
  @Prop({ type: String, required: true, enum: REPORT_STATUSES }) status!: ReportStatus;
  @Prop({ type: Date, default: null }) resolvedAt!: Date | null;
  @Prop({ type: String, default: null }) resolvedBy!: string | null;
  @Prop({ type: Number, required: true }) version!: number;
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Date, required: true }) updatedAt!: Date;
}

export const ReportSchema = SchemaFactory.createForClass(ReportDocument);
/** Once per user and item: a second report is a 409, even when two arrive together. */
export const REPORT_UNIQUE_INDEX = 'report_once_per_user';
ReportSchema.index({ targetType: 1, targetId: 1, reporterUserId: 1 }, { unique: true, name: REPORT_UNIQUE_INDEX });
// GET /reports?status=: oldest first, the moderation queue.
ReportSchema.index({ status: 1, createdAt: 1, _id: 1 });
