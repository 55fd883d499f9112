import { ApiProperty } from '@nestjs/swagger';
import { ACTION_AREA_IDS, CREATIVE_FIELD_IDS, REGION_IDS, SDG_IDS, SECTOR_IDS } from '../../../shared/reference-data';

/**
 * One row of each open-data export, as the JSON and NDJSON exports write it: the CSV has the same
 * columns in the same order (lists joined with `;`, see domain/csv-cells.ts).
 */
export class CityExportRowView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country!: string;
  @ApiProperty({ enum: REGION_IDS }) region!: string;
  @ApiProperty({ enum: CREATIVE_FIELD_IDS }) field!: string;
  @ApiProperty() designationYear!: number;
  @ApiProperty({ type: String, isArray: true, description: 'ISO 639-1 codes' }) languages!: string[];
  @ApiProperty({ type: Number, nullable: true }) lat!: number | null;
  @ApiProperty({ type: Number, nullable: true }) lng!: number | null;
  @ApiProperty({ type: String, nullable: true }) website!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) registeredAt!: string | null;
}

export class ProjectExportRowView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: ['proposed', 'active', 'completed', 'cancelled'] }) status!: string;
  @ApiProperty({ enum: CREATIVE_FIELD_IDS, isArray: true }) fields!: string[];
  @ApiProperty({ enum: ACTION_AREA_IDS, isArray: true }) actionAreas!: string[];
  @ApiProperty({ enum: SECTOR_IDS, isArray: true }) sectors!: string[];
  @ApiProperty({ enum: SDG_IDS, type: Number, isArray: true }) sdgs!: number[];
  @ApiProperty() leadCityId!: string;
  @ApiProperty({ type: String, nullable: true }) leadCityName!: string | null;
  @ApiProperty({ type: String, isArray: true, description: 'accepted partners now, in the order they joined' }) partnerCityIds!: string[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) proposedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
}

export class PracticeExportRowView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: CREATIVE_FIELD_IDS }) field!: string;
  @ApiProperty({ enum: ACTION_AREA_IDS, nullable: true, type: String }) actionArea!: string | null;
  @ApiProperty({ enum: SDG_IDS, type: Number, isArray: true }) sdgs!: number[];
  @ApiProperty({ type: String, isArray: true }) tags!: string[];
  @ApiProperty({ enum: ['en', 'es', 'fr'] }) language!: string;
  @ApiProperty() authorCityId!: string;
  @ApiProperty({ type: String, nullable: true }) authorCityName!: string | null;
  @ApiProperty({ minimum: 0 }) endorsementCount!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sharedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
}
