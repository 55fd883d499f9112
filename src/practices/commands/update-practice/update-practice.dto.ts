import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import { SharePracticeDto } from '../share-practice/share-practice.dto';

/**
 * `PATCH /practices/:id`: any editable field (`null` clears an optional one). `version`, when sent,
 * must be the stored version (409 otherwise); without it the change applies to the current state.
 */
export class UpdatePracticeDto extends PartialType(OmitType(SharePracticeDto, ['authorCityId'] as const)) {
  @ApiPropertyOptional({ description: 'The version of the practice the change is based on' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
