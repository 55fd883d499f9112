import { ApiProperty } from '@nestjs/swagger';
import {
  ACTION_AREA_IDS,
  CREATIVE_FIELD_IDS,
  SECTOR_IDS,
  type ActionArea,
  type CreativeField,
  type Sdg,
  type Sector,
} from '../shared/reference-data';
import type { Project } from './domain/project';
import { PARTNER_STATUSES, PROJECT_STATUSES, type PartnerStatus, type ProjectSnapshot, type ProjectStatus } from './domain/project-state';

export class PartnerView {
  @ApiProperty() cityId!: string;
  @ApiProperty({ enum: PARTNER_STATUSES }) status!: PartnerStatus;
  @ApiProperty({ type: String, nullable: true }) message!: string | null;
  @ApiProperty({ description: 'When the city took its current status (ISO 8601)' }) since!: string;
}

/** A project as the API shows it (SPEC §3). Absent optional values are `null`. */
export class ProjectView {
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
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;

  /** The project as just saved: the repository stored it at the next version. */
  static saved(project: Project): ProjectView {
    const s = project.toSnapshot();
    return ProjectView.of({ ...s, version: s.version + 1 });
  }

  static of(s: ProjectSnapshot): ProjectView {
    return {
      id: s.id,
      title: s.title,
      summary: s.summary,
      description: s.description ?? null,
      fields: [...s.fields],
      actionAreas: [...s.actionAreas],
      sectors: [...s.sectors],
      sdgs: [...s.sdgs],
      startDate: s.startDate ?? null,
      endDate: s.endDate ?? null,
      status: s.status,
      leadCityId: s.leadCityId,
      partners: s.partners.map((p) => ({ cityId: p.cityId, status: p.status, message: p.message ?? null, since: new Date(p.since).toISOString() })),
      outcome: s.outcome ?? null,
      cancelReason: s.cancelReason ?? null,
      createdAt: new Date(s.createdAt).toISOString(),
      updatedAt: new Date(s.updatedAt).toISOString(),
      version: s.version,
    };
  }
}
