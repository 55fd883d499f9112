import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, MaxLength } from 'class-validator';
import { PaginationQuery } from '../../shared/pagination';

export class ListMailboxDto extends PaginationQuery {
  @ApiPropertyOptional({ description: 'Only the mails to this address' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  to?: string;
}
