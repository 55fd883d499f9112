import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PROJECT_LIMITS } from '../../domain/project-values';

export class RequestToJoinDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PROJECT_LIMITS.message })
  @IsOptional()
  @IsString()
  @MaxLength(PROJECT_LIMITS.message)
  message?: string | null;

  @ApiPropertyOptional({ description: "Admins only: the city that asks. Defaults to the caller's city." })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  cityId?: string;
}
