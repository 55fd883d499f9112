import { ApiProperty } from '@nestjs/swagger';
import { REPORT_STATUSES, REPORT_TARGETS, type Report, type ReportStatus, type ReportTarget } from '../../domain/practice-state';
import { iso, isoOrNull, type Json } from '../../json';

/** What was reported, as it reads now, so a moderator can judge without opening each item. */
export interface ReportTargetText {
  practiceTitle: string | null;
  commentText: string | null;
}

/** A report in the moderators' queue: the report as JSON, with its target's text. */
export class ReportView implements Json<Report & ReportTargetText> {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: REPORT_TARGETS }) targetType!: ReportTarget;
  @ApiProperty({ description: 'The practice or comment reported' }) targetId!: string;
  @ApiProperty() practiceId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The practice’s current title' }) practiceTitle!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The reported comment’s text (comment reports)' }) commentText!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty() reporterUserId!: string;
  @ApiProperty({ type: String, nullable: true }) reporterCityId!: string | null;
  @ApiProperty({ enum: REPORT_STATUSES, description: '`resolved` once a moderator hid the item' }) status!: ReportStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The moderator (user id)' }) resolvedBy!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(r: Report, target: ReportTargetText): ReportView {
    return {
      ...structuredClone(r),
      ...target,
      resolvedAt: isoOrNull(r.resolvedAt),
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
    };
  }
}
