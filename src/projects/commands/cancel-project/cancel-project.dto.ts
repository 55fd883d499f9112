import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PROJECT_LIMITS } from '../../domain/project-values';

export class CancelProjectDto {
  @ApiProperty({ description: 'Why the project is cancelled.', maxLength: PROJECT_LIMITS.reason })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROJECT_LIMITS.reason)
  reason!: string;
}
