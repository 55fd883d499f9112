import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PaginationQuery } from '../../../shared/pagination';

export class ListNotificationsDto extends PaginationQuery {
  @ApiPropertyOptional({ description: 'Only the items not read yet.', type: Boolean })
  @IsOptional()
  // Query strings are text: only "true" and "false" mean a boolean; anything else stays a 400.
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}
