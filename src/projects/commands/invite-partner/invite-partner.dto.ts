import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PROJECT_LIMITS } from '../../domain/project-values';

export class InvitePartnerDto {
  @ApiProperty({ description: 'The invited city' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  cityId!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PROJECT_LIMITS.message })
  @IsOptional()
  @IsString()
  @MaxLength(PROJECT_LIMITS.message)
  message?: string | null;
}
