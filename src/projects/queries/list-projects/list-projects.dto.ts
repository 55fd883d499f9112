import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PaginationQuery } from '../../../shared/pagination';
import { CREATIVE_FIELD_IDS, type CreativeField, type Sdg } from '../../../shared/reference-data';
import { PROJECT_STATUSES, type ProjectStatus } from '../../domain/project-state';

/** `GET /projects?status=&field=&cityId=&sdg=&q=&page=&limit=` */
export class ListProjectsDto extends PaginationQuery {
  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;

  @ApiPropertyOptional({ enum: CREATIVE_FIELD_IDS, description: 'Projects in this creative field' })
  @IsOptional()
  @IsIn(CREATIVE_FIELD_IDS)
  field?: CreativeField;

  @ApiPropertyOptional({ description: 'Projects this city leads or is a current partner of (invited, requested or accepted)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  cityId?: string;

  // `Sdg` is a union of literals, which reflects as Object: without `type` the document says "an object".
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 17, description: 'Projects working on this SDG' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(17)
  sdg?: Sdg;

  @ApiPropertyOptional({ description: 'Words to find in the title or summary (any order, accents and case ignored)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
