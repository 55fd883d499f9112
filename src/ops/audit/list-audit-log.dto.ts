import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PaginationQuery } from '../../shared/pagination';

export class ListAuditLogDto extends PaginationQuery {
  @ApiPropertyOptional({ description: 'Only this admin’s actions: a user id or an e-mail address' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  actor?: string;

  @ApiPropertyOptional({ example: 'CitiesController_update', description: 'Only this operation (an operation id of the OpenAPI document)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  action?: string;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z', description: 'Only actions at or after this time (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-02-01T00:00:00Z', description: 'Only actions before this time (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
