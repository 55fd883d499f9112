import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** `DELETE /practices/:id/endorsements?cityId=` (the query is for admins only). */
export class WithdrawEndorsementDto {
  @ApiPropertyOptional({ description: "Admins only: the city whose endorsement is withdrawn. Defaults to the caller's city." })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  cityId?: string;
}
