import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PaginationQuery } from '../../../shared/pagination';
import { CREATIVE_FIELD_IDS, type CreativeField, type Sdg } from '../../../shared/reference-data';
import { PRACTICE_LANGUAGES, PRACTICE_STATUSES, type PracticeLanguage, type PracticeStatus } from '../../domain/practice-state';
import { PRACTICE_LIMITS } from '../../domain/practice-values';
import { PRACTICE_SORTS, type PracticeSort } from '../../persistence/practice-search';

/** `GET /practices?field=&cityId=&sdg=&tag=&language=&status=&q=&sort=&page=&limit=` */
export class ListPracticesDto extends PaginationQuery {
  @ApiPropertyOptional({ enum: CREATIVE_FIELD_IDS })
  @IsOptional()
  @IsIn(CREATIVE_FIELD_IDS)
  field?: CreativeField;

  @ApiPropertyOptional({ description: 'Practices shared by this city' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  cityId?: string;

  // `Sdg` is a union of literals, which reflects as Object: without `type` the document says "an object".
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 17, description: 'Practices working on this SDG' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(17)
  sdg?: Sdg;

  @ApiPropertyOptional({ description: 'Practices with this tag (case ignored)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRACTICE_LIMITS.tag)
  tag?: string;

  @ApiPropertyOptional({ enum: PRACTICE_LANGUAGES })
  @IsOptional()
  @IsIn(PRACTICE_LANGUAGES)
  language?: PracticeLanguage;

  @ApiPropertyOptional({ enum: PRACTICE_STATUSES, description: 'Hidden practices are listed for admins and their author city only' })
  @IsOptional()
  @IsIn(PRACTICE_STATUSES)
  status?: PracticeStatus;

  @ApiPropertyOptional({ description: 'Words to find in the title, tags, summary or body, stemmed, accents and case ignored' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: PRACTICE_SORTS, description: 'Default: `relevance` with `q`, else `recent`' })
  @IsOptional()
  @IsIn(PRACTICE_SORTS)
  sort?: PracticeSort;
}
