import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQuery } from '../../../shared/pagination';
import { EXCHANGE_STATUSES, type ExchangeStatus } from '../../domain/exchange-state';
import { EXCHANGE_ROLES, type ExchangeRole } from '../../persistence/exchange-read.repository';

/** `GET /exchanges?role=&status=&practiceId=&cityId=&page=&limit=` */
export class ListExchangesDto extends PaginationQuery {
  @ApiPropertyOptional({ enum: EXCHANGE_ROLES, description: 'The city’s side: hosting (its practices) or requesting; both when absent' })
  @IsOptional()
  @IsIn(EXCHANGE_ROLES)
  role?: ExchangeRole;

  @ApiPropertyOptional({ enum: EXCHANGE_STATUSES })
  @IsOptional()
  @IsIn(EXCHANGE_STATUSES)
  status?: ExchangeStatus;

  @ApiPropertyOptional({ description: 'Exchanges around this practice' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  practiceId?: string;

  @ApiPropertyOptional({ description: 'Admins: the city whose exchanges to list (all when absent). City users: their own city only.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  cityId?: string;
}
