import { ApiProperty } from '@nestjs/swagger';
import { CREATIVE_FIELD_IDS, REGION_IDS, type CreativeField, type Region } from '../../../shared/reference-data';
import type { CitySummary } from '../../contracts';
import type { CitySnapshot } from '../../domain/city';

export class GeoPointView {
  @ApiProperty({ minimum: -90, maximum: 90, example: 39.6255 }) lat!: number;
  @ApiProperty({ minimum: -180, maximum: 180, example: -0.5965 }) lng!: number;
}

/** A city as the API answers it (GET /cities, GET /cities/:id, POST, PATCH). */
export class CityView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'Llíria' }) name!: string;
  @ApiProperty({ example: 'lliria-es', description: 'Folded name and country, unique.' }) slug!: string;
  @ApiProperty({ example: 'ES', description: 'ISO 3166-1 alpha-2' }) country!: string;
  @ApiProperty({ enum: REGION_IDS }) region!: Region;
  @ApiProperty({ enum: CREATIVE_FIELD_IDS }) field!: CreativeField;
  @ApiProperty({ example: 2019 }) designationYear!: number;
  @ApiProperty({ type: GeoPointView, nullable: true }) location!: GeoPointView | null;
  @ApiProperty({ type: [String], example: ['es', 'ca'], description: 'ISO 639-1 codes' }) languages!: string[];
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true }) website!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ minimum: 1, description: 'Send it back as `version` in PATCH to refuse lost updates.' }) version!: number;
}

export function toCityView(s: CitySnapshot): CityView {
  return {
    id: s.id,
    name: s.name,
    slug: s.slug,
    country: s.country,
    region: s.region,
    field: s.field,
    designationYear: s.designationYear,
    location: s.location ? { lat: s.location.lat, lng: s.location.lng } : null,
    languages: [...s.languages],
    description: s.description,
    website: s.website,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    version: s.version,
  };
}

export function toCitySummary(s: CitySnapshot): CitySummary {
  return {
    id: s.id,
    name: s.name,
    slug: s.slug,
    country: s.country,
    region: s.region,
    field: s.field,
    designationYear: s.designationYear,
    languages: [...s.languages],
    location: s.location ? { lat: s.location.lat, lng: s.location.lng } : null,
  };
}

/** The view of a city just saved: the snapshot was loaded at `version`, the store now has `version + 1`. */
export function toSavedCityView(s: CitySnapshot): CityView {
  return toCityView({ ...s, version: s.version + 1 });
}
