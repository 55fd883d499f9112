import { ApiProperty } from '@nestjs/swagger';
import { COMMENT_STATUSES, type CommentSnapshot, type CommentStatus } from '../../domain/practice-state';
import { iso, isoOrNull, type Json } from '../../json';

/** A comment on a practice. A hidden one is shown only to admins and its author city, with the reason. */
export class CommentView implements Json<CommentSnapshot> {
  @ApiProperty() id!: string;
  @ApiProperty() practiceId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for the network secretariat (an admin without a city)' })
  authorCityId!: string | null;
  @ApiProperty({ type: String, nullable: true }) authorUserId!: string | null;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: COMMENT_STATUSES }) status!: CommentStatus;
  @ApiProperty({ type: String, nullable: true }) hiddenReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) hiddenAt!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(c: CommentSnapshot): CommentView {
    return { ...structuredClone(c), hiddenAt: isoOrNull(c.hiddenAt), createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt) };
  }
}
