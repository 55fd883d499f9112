import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PRACTICE_LIMITS } from '../../domain/practice-values';

/** `POST /practices/:id/reports` and `POST /comments/:id/reports`. */
export class ReportDto {
  @ApiProperty({ maxLength: PRACTICE_LIMITS.reason, description: 'What is wrong with it, for the moderators' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRACTICE_LIMITS.reason)
  reason!: string;
}
