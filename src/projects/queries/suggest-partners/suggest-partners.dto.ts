import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_SUGGESTION_LIMIT } from '../../domain/partner-suggestions';

export const MAX_SUGGESTION_LIMIT = 50;

export class SuggestPartnersDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SUGGESTION_LIMIT, default: DEFAULT_SUGGESTION_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SUGGESTION_LIMIT)
  limit: number = DEFAULT_SUGGESTION_LIMIT;
}
