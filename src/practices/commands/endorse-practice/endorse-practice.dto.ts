import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** `POST /practices/:id/endorsements`: no input for a city user. */
export class EndorsePracticeDto {
  @ApiPropertyOptional({ description: "Admins only: the city that endorses. Defaults to the caller's city." })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  cityId?: string;
}
