import { ApiProperty } from '@nestjs/swagger';
import { CREATIVE_FIELD_IDS, REGION_IDS, type CreativeField, type Region } from '../../../shared/reference-data';

class SuggestedCityView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country!: string;
  @ApiProperty({ enum: REGION_IDS }) region!: Region;
  @ApiProperty({ enum: CREATIVE_FIELD_IDS }) field!: CreativeField;
  @ApiProperty() designationYear!: number;
  @ApiProperty({ type: String, isArray: true }) languages!: string[];
}

/** One suggested partner: the city, its score and why (weights: domain/partner-suggestions.ts). */
export class PartnerSuggestionView {
  @ApiProperty({ type: SuggestedCityView }) city!: SuggestedCityView;
  @ApiProperty() score!: number;
  @ApiProperty({ type: String, isArray: true, example: ['Same creative field: Music'] }) reasons!: string[];
}
