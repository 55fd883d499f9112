import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PRACTICE_LIMITS } from '../../domain/practice-values';

/** `POST /exchanges/:id/accept` and `/decline`: the host's optional message. */
export class AnswerExchangeDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PRACTICE_LIMITS.message })
  @IsOptional()
  @IsString()
  @MaxLength(PRACTICE_LIMITS.message)
  message?: string | null;
}
