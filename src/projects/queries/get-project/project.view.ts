import { ApiProperty } from '@nestjs/swagger';
import {
  ACTION_AREA_IDS,
  CREATIVE_FIELD_IDS,
  SECTOR_IDS,
  type ActionArea,
  type CreativeField,
  type Sdg,
  type Sector,
} from '../../../shared/reference-data';
import type { Project } from '../../domain/project';
import {
  PARTNER_STATUSES,
  PROJECT_STATUSES,
  type Partner,
  type PartnerStatus,
  type ProjectSnapshot,
  type ProjectStatus,
} from '../../domain/project-state';

/** A value as JSON carries it: dates become ISO 8601 strings. */
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends (infer U)[] ? Json<U>[] : T[K] };

// The view classes only document the fields for OpenAPI; `implements Json<…>` keeps them in step
// with the snapshot, where each field of a project is written.
export class PartnerView implements Json<Partner> {
  @ApiProperty() cityId!: string;
  @ApiProperty({ enum: PARTNER_STATUSES }) status!: PartnerStatus;
  @ApiProperty({ type: String, nullable: true }) message!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the city took its current status (ISO 8601)' }) since!: string;
}

/** A project as the API shows it (SPEC §3): its snapshot as JSON. Absent optional values are `null`. */
export class ProjectView implements Json<ProjectSnapshot> {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: CREATIVE_FIELD_IDS, isArray: true }) fields!: CreativeField[];
  @ApiProperty({ enum: ACTION_AREA_IDS, isArray: true }) actionAreas!: ActionArea[];
  @ApiProperty({ enum: SECTOR_IDS, isArray: true }) sectors!: Sector[];
  @ApiProperty({ type: Number, isArray: true, minimum: 1, maximum: 17 }) sdgs!: Sdg[];
  @ApiProperty({ type: String, nullable: true, format: 'date' }) startDate!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) endDate!: string | null;
  @ApiProperty({ enum: PROJECT_STATUSES }) status!: ProjectStatus;
  @ApiProperty() leadCityId!: string;
  @ApiProperty({ type: PartnerView, isArray: true }) partners!: PartnerView[];
  @ApiProperty({ type: String, nullable: true }) outcome!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;

  /** The project as just saved: the repository stored it at the next version. */
  static saved(project: Project): ProjectView {
    const s = project.toSnapshot();
    return ProjectView.of({ ...s, version: s.version + 1 });
  }

  /**
   * The one function from snapshot to view: the snapshot with its dates in ISO 8601. Its arrays
   * are copied (the view never aliases an aggregate's state), one level deep as the snapshot is:
   * structuredClone did the same at several times the cost, the most expensive step of a list.
   */
  static of(s: ProjectSnapshot): ProjectView {
    const iso = (date: Date) => new Date(date).toISOString();
    return {
      ...s,
      fields: [...s.fields],
      actionAreas: [...s.actionAreas],
      sectors: [...s.sectors],
      sdgs: [...s.sdgs],
      partners: s.partners.map((p) => ({ ...p, since: iso(p.since) })),
      createdAt: iso(s.createdAt),
      updatedAt: iso(s.updatedAt),
    };
  }
}
