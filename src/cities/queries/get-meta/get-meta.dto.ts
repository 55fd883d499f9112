import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LANGS, type Lang } from '../../../shared/reference-data';

export class GetMetaDto {
  @ApiPropertyOptional({ enum: LANGS, description: 'Language of the labels; else Accept-Language decides, else English.' })
  @IsOptional()
  @IsIn(LANGS)
  lang?: Lang;
}
