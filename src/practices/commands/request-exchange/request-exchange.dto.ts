import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { EXCHANGE_FORMATS } from '../../domain/exchange-state';
import { PRACTICE_LIMITS } from '../../domain/practice-values';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class DateRangeDto {
  @ApiProperty({ format: 'date', example: '2026-05-04' })
  @IsString()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ format: 'date', example: '2026-05-08' })
  @IsString()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;
}

/** `POST /practices/:id/exchanges`. */
export class RequestExchangeDto {
  @ApiProperty({ maxLength: PRACTICE_LIMITS.message, description: 'What the city would like to learn or do' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRACTICE_LIMITS.message)
  message!: string;

  @ApiProperty({ enum: EXCHANGE_FORMATS })
  @IsIn(EXCHANGE_FORMATS)
  format!: string;

  @ApiPropertyOptional({ type: DateRangeDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DateRangeDto)
  proposedDates?: DateRangeDto | null;

  @ApiPropertyOptional({ description: "Admins only: the city that asks. Defaults to the caller's city." })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  requesterCityId?: string;
}
