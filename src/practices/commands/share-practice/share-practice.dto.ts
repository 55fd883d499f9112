import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ACTION_AREA_IDS, CREATIVE_FIELD_IDS } from '../../../shared/reference-data';
import { PRACTICE_LANGUAGES } from '../../domain/practice-state';
import { PRACTICE_LIMITS } from '../../domain/practice-values';

export class LinkDto {
  @ApiProperty({ maxLength: PRACTICE_LIMITS.linkTitle })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRACTICE_LIMITS.linkTitle)
  title!: string;

  @ApiProperty({ format: 'uri', maxLength: PRACTICE_LIMITS.url, example: 'https://example.org/programme' })
  @IsString()
  @MaxLength(PRACTICE_LIMITS.url)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an absolute http(s) URL' })
  url!: string;
}

/** `POST /practices`. Shapes only; the aggregate checks the values again (trimmed, normalized). */
export class SharePracticeDto {
  @ApiProperty({ maxLength: PRACTICE_LIMITS.title })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRACTICE_LIMITS.title)
  title!: string;

  @ApiProperty({ maxLength: PRACTICE_LIMITS.summary })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRACTICE_LIMITS.summary)
  summary!: string;

  @ApiProperty({ maxLength: PRACTICE_LIMITS.body })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRACTICE_LIMITS.body)
  body!: string;

  @ApiProperty({ enum: CREATIVE_FIELD_IDS })
  @IsIn(CREATIVE_FIELD_IDS)
  field!: string;

  @ApiPropertyOptional({ enum: ACTION_AREA_IDS, nullable: true })
  @IsOptional()
  @IsIn(ACTION_AREA_IDS)
  actionArea?: string | null;

  @ApiProperty({ type: Number, isArray: true, minimum: 1, maximum: 17, example: [11] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(17)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(17, { each: true })
  sdgs!: number[];

  @ApiProperty({ type: String, isArray: true, maxItems: PRACTICE_LIMITS.tags, example: ['heritage'] })
  @IsArray()
  @ArrayMaxSize(PRACTICE_LIMITS.tags)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(PRACTICE_LIMITS.tag, { each: true })
  tags!: string[];

  @ApiProperty({ enum: PRACTICE_LANGUAGES, description: 'The language it is written in: its words are searched in that language' })
  @IsIn(PRACTICE_LANGUAGES)
  language!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PRACTICE_LIMITS.outcomes })
  @IsOptional()
  @IsString()
  @MaxLength(PRACTICE_LIMITS.outcomes)
  outcomes?: string | null;

  @ApiPropertyOptional({ type: LinkDto, isArray: true, maxItems: PRACTICE_LIMITS.links })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PRACTICE_LIMITS.links)
  @IsObject({ each: true, message: 'each link must be an object {title, url}' })
  @ValidateNested({ each: true })
  @Type(() => LinkDto)
  links?: LinkDto[] | null;

  @ApiPropertyOptional({ description: "Admins only: the author city. A city user's practice is always its own city's." })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  authorCityId?: string;
}
