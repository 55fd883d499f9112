import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

/** The query of POST /cities/import (the CSV itself is the `text/csv` body). */
export class ImportCitiesQueryDto {
  @ApiPropertyOptional({ default: false, description: 'Import the good rows even if some are bad (default: all or nothing).' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  partial?: boolean;
}
