import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { LANGS, type Lang } from '../../../shared/reference-data';
import { WITHOUT_CONTROL_CHARACTERS } from '../../../shared/text';

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  @Matches(WITHOUT_CONTROL_CHARACTERS, { message: 'name must not contain control characters' })
  name?: string;

  @ApiPropertyOptional({ enum: LANGS, description: 'The language of the e-mails the user receives' })
  @IsOptional()
  @IsIn(LANGS)
  language?: Lang;

  @ApiPropertyOptional({ description: 'Admins only: a disabled user cannot sign in, and its sessions end at once (HTTP and live).' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ description: 'The version read; when sent and stale, a 409.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
