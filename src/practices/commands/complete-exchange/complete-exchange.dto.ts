import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { PRACTICE_LIMITS } from '../../domain/practice-values';

/** `POST /exchanges/:id/complete`: how it went. */
export class CompleteExchangeDto {
  @ApiProperty({ maxLength: PRACTICE_LIMITS.feedback })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRACTICE_LIMITS.feedback)
  feedback!: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;
}
