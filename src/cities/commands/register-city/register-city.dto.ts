import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CREATIVE_FIELD_IDS, REGION_IDS, type CreativeField, type Region } from '../../../shared/reference-data';
import { Satisfies } from '../../../shared/satisfies';
import { GeoPointView } from '../../queries/get-city/city.view';
import * as rules from '../../domain/city-values';

/** The body of POST /cities. Each field is checked by the domain's own value rule. */
export class RegisterCityDto {
  @ApiProperty({ example: 'Llíria', maxLength: rules.CITY_LIMITS.name })
  @Satisfies(rules.cityName)
  name!: string;

  @ApiProperty({ example: 'ES', description: 'ISO 3166-1 alpha-2 (any case; stored upper-case)' })
  @Satisfies(rules.countryCode)
  country!: string;

  @ApiProperty({ enum: REGION_IDS })
  @Satisfies(rules.region)
  region!: Region;

  @ApiProperty({ enum: CREATIVE_FIELD_IDS })
  @Satisfies(rules.creativeField)
  field!: CreativeField;

  @ApiProperty({ minimum: rules.CITY_LIMITS.firstDesignationYear, description: 'From 2004 to the current year', example: 2019 })
  @Satisfies((value) => rules.designationYear(value))
  designationYear!: number;

  @ApiPropertyOptional({ type: GeoPointView, nullable: true })
  @IsOptional()
  @Satisfies(rules.location)
  location?: rules.GeoPoint | null;

  @ApiPropertyOptional({ type: [String], example: ['es', 'ca'], description: `ISO 639-1 codes, at most ${rules.CITY_LIMITS.languages}` })
  @IsOptional()
  @Satisfies(rules.languages)
  languages?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: rules.CITY_LIMITS.description })
  @IsOptional()
  @Satisfies(rules.description)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://www.lliria.es', maxLength: rules.CITY_LIMITS.website })
  @IsOptional()
  @Satisfies(rules.website)
  website?: string | null;
}
