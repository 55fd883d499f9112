import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { DeadLetterStatus } from '@app/events';
import { PaginationQuery } from '../../shared/pagination';

export const DEAD_LETTER_STATUSES: readonly DeadLetterStatus[] = ['parked', 'retrying', 'delivered', 'skipped'];

export class ListDeadLettersDto extends PaginationQuery {
  @ApiPropertyOptional({ enum: DEAD_LETTER_STATUSES, description: 'Only letters in this state (default: all)' })
  @IsOptional()
  @IsIn(DEAD_LETTER_STATUSES)
  status?: DeadLetterStatus;

  @ApiPropertyOptional({ example: 'notifications.fan-out', description: 'Only this consumer’s letters' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  consumer?: string;
}
