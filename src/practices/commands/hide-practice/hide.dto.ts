import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PRACTICE_LIMITS } from '../../domain/practice-values';

/** `POST /practices/:id/hide` and `POST /comments/:id/hide` (admins). */
export class HideDto {
  @ApiProperty({ maxLength: PRACTICE_LIMITS.reason, description: 'Why, told to the author city' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRACTICE_LIMITS.reason)
  reason!: string;
}
