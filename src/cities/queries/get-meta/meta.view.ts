import { ApiProperty } from '@nestjs/swagger';
import {
  ACTION_AREA_IDS,
  CREATIVE_FIELD_IDS,
  LANGS,
  REGION_IDS,
  SDG_IDS,
  SECTOR_IDS,
  type LocalizedReferenceData,
  type Lang,
} from '../../../shared/reference-data';

class FieldLabel {
  @ApiProperty({ enum: CREATIVE_FIELD_IDS }) id!: string;
  @ApiProperty({ example: 'Music' }) label!: string;
}
class RegionLabel {
  @ApiProperty({ enum: REGION_IDS }) id!: string;
  @ApiProperty() label!: string;
}
class ActionAreaLabel {
  @ApiProperty({ enum: ACTION_AREA_IDS }) id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() description!: string;
}
class SectorLabel {
  @ApiProperty({ enum: SECTOR_IDS }) id!: string;
  @ApiProperty() label!: string;
}
class SdgLabel {
  @ApiProperty({ enum: SDG_IDS, type: Number }) id!: number;
  @ApiProperty() label!: string;
}
class CountryLabel {
  @ApiProperty({ example: 'ES', description: 'ISO 3166-1 alpha-2' }) id!: string;
  @ApiProperty({ example: 'Spain' }) label!: string;
}

/** The body of GET /meta: every reference list with its labels in `lang`. */
export class MetaView implements LocalizedReferenceData {
  @ApiProperty({ enum: LANGS }) lang!: Lang;
  @ApiProperty({ type: [FieldLabel] }) fields!: LocalizedReferenceData['fields'];
  @ApiProperty({ type: [RegionLabel] }) regions!: LocalizedReferenceData['regions'];
  @ApiProperty({ type: [ActionAreaLabel] }) actionAreas!: LocalizedReferenceData['actionAreas'];
  @ApiProperty({ type: [SectorLabel] }) sectors!: LocalizedReferenceData['sectors'];
  @ApiProperty({ type: [SdgLabel] }) sdgs!: LocalizedReferenceData['sdgs'];
  @ApiProperty({ type: [CountryLabel], description: 'Sorted by label in `lang`' }) countries!: { id: string; label: string }[];
}
