import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min, ValidateIf } from 'class-validator';
import { Satisfies } from '../../../shared/satisfies';
import { GeoPointView } from '../../queries/get-city/city.view';
import * as rules from '../../domain/city-values';

/**
 * The body of PATCH /cities/:id: the profile fields (absent = unchanged, null = cleared) and the
 * `version` the client read. Name, country, region, field and designation year are the
 * registration and are not changed here (an unknown field is a 400).
 */
export class UpdateCityProfileDto {
  @ApiPropertyOptional({ type: GeoPointView, nullable: true })
  @IsOptional()
  @Satisfies(rules.location)
  location?: rules.GeoPoint | null;

  @ApiPropertyOptional({ type: [String], example: ['es', 'ca'], description: 'ISO 639-1 codes; [] clears them' })
  // null is refused here rather than skipped: an empty list is how languages are cleared.
  @ValidateIf((_dto: unknown, value: unknown) => value !== undefined)
  @Satisfies(rules.languages)
  languages?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: rules.CITY_LIMITS.description })
  @IsOptional()
  @Satisfies(rules.description)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://www.lliria.es' })
  @IsOptional()
  @Satisfies(rules.website)
  website?: string | null;

  @ApiPropertyOptional({ minimum: 1, description: 'The version you read; if the city changed since, the answer is 409.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
