import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PROJECT_LIMITS } from '../../domain/project-values';

export class CompleteProjectDto {
  @ApiProperty({ description: 'What the project achieved.', maxLength: PROJECT_LIMITS.outcome })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROJECT_LIMITS.outcome)
  outcome!: string;
}
