import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PaginationQuery } from '../../../shared/pagination';
import { REPORT_STATUSES, type ReportStatus } from '../../domain/practice-state';

/** `GET /reports?status=&page=&limit=` (admins). */
export class ListReportsDto extends PaginationQuery {
  @ApiPropertyOptional({ enum: REPORT_STATUSES, description: 'Both when absent' })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;
}
