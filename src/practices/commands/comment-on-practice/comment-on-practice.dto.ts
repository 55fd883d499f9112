import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PRACTICE_LIMITS } from '../../domain/practice-values';

export class CommentOnPracticeDto {
  @ApiProperty({ maxLength: PRACTICE_LIMITS.comment })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRACTICE_LIMITS.comment)
  text!: string;
}
