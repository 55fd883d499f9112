import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class WithdrawFromProjectDto {
  @ApiPropertyOptional({ description: "Admins only: the partner city that withdraws. Defaults to the caller's city." })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  cityId?: string;
}
