import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQuery } from '../../../shared/pagination';
import { CREATIVE_FIELD_IDS, REGION_IDS, type CreativeField, type Region } from '../../../shared/reference-data';
import { Satisfies } from '../../../shared/satisfies';
import { countryCode } from '../../domain/city-values';

/** The query of GET /cities: filters (all optional, combined with AND) and the page. */
export class ListCitiesDto extends PaginationQuery {
  @ApiPropertyOptional({ enum: CREATIVE_FIELD_IDS })
  @IsOptional()
  @IsIn(CREATIVE_FIELD_IDS)
  field?: CreativeField;

  @ApiPropertyOptional({ enum: REGION_IDS })
  @IsOptional()
  @IsIn(REGION_IDS)
  region?: Region;

  @ApiPropertyOptional({ example: 'ES', description: 'ISO 3166-1 alpha-2, any case' })
  @IsOptional()
  @Satisfies(countryCode)
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  country?: string;

  @ApiPropertyOptional({ example: 'lliria', description: 'Part of the name, without regard to accents or case', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
