import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { LANGS, type Lang } from '../../../shared/reference-data';
import { WITHOUT_CONTROL_CHARACTERS } from '../../../shared/text';

/** Optional, but never null: `null` is a 400 naming the field (it would clear a required value). */
const present = (_dto: object, value: unknown) => value !== undefined;

export class UpdateUserDto {
  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  @Matches(WITHOUT_CONTROL_CHARACTERS, { message: 'name must not contain control characters' })
  name?: string;

  @ApiPropertyOptional({ enum: LANGS, description: 'The language of the e-mails the user receives' })
  @ValidateIf(present)
  @IsIn(LANGS)
  language?: Lang;

  @ApiPropertyOptional({ description: 'Admins only: a disabled user cannot sign in, and its sessions end at once (HTTP and live).' })
  @ValidateIf(present)
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ description: 'The version read; when sent and stale, a 409.' })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  version?: number;
}
