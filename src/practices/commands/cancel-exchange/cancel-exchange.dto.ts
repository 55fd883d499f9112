import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PRACTICE_LIMITS } from '../../domain/practice-values';

/** `POST /exchanges/:id/cancel`: an optional reason, told to the host. */
export class CancelExchangeDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PRACTICE_LIMITS.reason })
  @IsOptional()
  @IsString()
  @MaxLength(PRACTICE_LIMITS.reason)
  reason?: string | null;
}
