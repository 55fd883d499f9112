import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { UPDATE_KINDS } from '../../domain/project-state';
import { PROJECT_LIMITS } from '../../domain/project-values';

export class PostProjectUpdateDto {
  @ApiProperty({ maxLength: PROJECT_LIMITS.updateText })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROJECT_LIMITS.updateText)
  text!: string;

  @ApiProperty({ enum: UPDATE_KINDS })
  @IsIn(UPDATE_KINDS)
  kind!: string;
}
