import { ApiProperty } from '@nestjs/swagger';
import { ACTION_AREA_IDS, CREATIVE_FIELD_IDS, type ActionArea, type CreativeField, type Sdg } from '../../../shared/reference-data';
import type { Practice } from '../../domain/practice';
import {
  PRACTICE_LANGUAGES,
  PRACTICE_STATUSES,
  type PracticeLanguage,
  type PracticeLink,
  type PracticeSnapshot,
  type PracticeStatus,
} from '../../domain/practice-state';
import { iso, isoOrNull, type Json } from '../../json';

// The view classes only document the fields for OpenAPI; `implements Json<…>` keeps them in step
// with the snapshot, where each field of a practice is written.
export class LinkView implements Json<PracticeLink> {
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uri', description: 'An absolute http(s) URL' }) url!: string;
}

/** A practice as the API shows it (SPEC §3): its snapshot as JSON. Absent optional values are `null`. */
export class PracticeView implements Json<PracticeSnapshot> {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ enum: CREATIVE_FIELD_IDS }) field!: CreativeField;
  @ApiProperty({ enum: ACTION_AREA_IDS, nullable: true }) actionArea!: ActionArea | null;
  @ApiProperty({ type: Number, isArray: true, minimum: 1, maximum: 17 }) sdgs!: Sdg[];
  @ApiProperty({ type: String, isArray: true, description: 'Lower case keywords' }) tags!: string[];
  @ApiProperty({ enum: PRACTICE_LANGUAGES, description: 'The language it is written (and searched) in' }) language!: PracticeLanguage;
  @ApiProperty({ type: String, nullable: true }) outcomes!: string | null;
  @ApiProperty({ type: LinkView, isArray: true }) links!: LinkView[];
  @ApiProperty() authorCityId!: string;
  @ApiProperty({ description: 'Cities endorsing it now' }) endorsementCount!: number;
  @ApiProperty({ description: 'Published comments' }) commentCount!: number;
  @ApiProperty({ description: 'Exchange requests ever made around it' }) exchangeCount!: number;
  @ApiProperty({ enum: PRACTICE_STATUSES, description: '`hidden` is shown to admins and the author city only' }) status!: PracticeStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why a moderator hid it' }) hiddenReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) hiddenAt!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  /** The practice as just saved: the repository stored it at the next version. */
  static saved(practice: Practice): PracticeView {
    const s = practice.toSnapshot();
    return PracticeView.of({ ...s, version: s.version + 1 });
  }

  /** The one function from snapshot to view: the snapshot with its dates in ISO 8601. */
  static of(s: PracticeSnapshot): PracticeView {
    return { ...structuredClone(s), hiddenAt: isoOrNull(s.hiddenAt), createdAt: iso(s.createdAt), updatedAt: iso(s.updatedAt) };
  }
}
