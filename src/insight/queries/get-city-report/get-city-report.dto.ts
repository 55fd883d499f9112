import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { LANGS, type Lang } from '../../../shared/reference-data';

export const REPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class GetCityReportDto {
  @ApiPropertyOptional({ format: 'date', description: 'first day, included (default: four years before `to`, the UCCN reporting cycle)' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'last day, included (default: today, UTC)' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json', description: 'html is a printable page (print stylesheet)' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;

  @ApiPropertyOptional({ enum: LANGS, description: 'language of the summaries and labels (default: Accept-Language, else English)' })
  @IsOptional()
  @IsIn(LANGS)
  lang?: Lang;
}
