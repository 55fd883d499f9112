import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ACTION_AREA_IDS, CREATIVE_FIELD_IDS, SECTOR_IDS } from '../../../shared/reference-data';
import { PROJECT_LIMITS } from '../../domain/project-values';

/** `POST /projects`. Shapes only; the aggregate checks the values again (trimmed, deduplicated). */
export class ProposeProjectDto {
  @ApiProperty({ maxLength: PROJECT_LIMITS.title })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROJECT_LIMITS.title)
  title!: string;

  @ApiProperty({ maxLength: PROJECT_LIMITS.summary })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROJECT_LIMITS.summary)
  summary!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PROJECT_LIMITS.description })
  @IsOptional()
  @IsString()
  @MaxLength(PROJECT_LIMITS.description)
  description?: string | null;

  @ApiProperty({ enum: CREATIVE_FIELD_IDS, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(CREATIVE_FIELD_IDS.length)
  @IsIn(CREATIVE_FIELD_IDS, { each: true })
  fields!: string[];

  @ApiProperty({ enum: ACTION_AREA_IDS, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(ACTION_AREA_IDS.length)
  @IsIn(ACTION_AREA_IDS, { each: true })
  actionAreas!: string[];

  @ApiProperty({ enum: SECTOR_IDS, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(SECTOR_IDS.length)
  @IsIn(SECTOR_IDS, { each: true })
  sectors!: string[];

  @ApiProperty({ type: Number, isArray: true, minimum: 1, maximum: 17, example: [11] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(17)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(17, { each: true })
  sdgs!: number[];

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', example: '2026-03-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startDate?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', example: '2026-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endDate?: string | null;

  @ApiPropertyOptional({ description: "Admins only: the lead city. A city user's project is always led by their own city." })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  leadCityId?: string;
}
