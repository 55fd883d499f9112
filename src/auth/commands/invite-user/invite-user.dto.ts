import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '../../../shared/auth-user';
import { LANGS, type Lang } from '../../../shared/reference-data';
import { WITHOUT_CONTROL_CHARACTERS } from '../../../shared/text';

/** Optional, but never null: `null` is a 400 naming the field (it would clear a required value). */
const present = (_dto: object, value: unknown) => value !== undefined;

export class InviteUserDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  @Matches(WITHOUT_CONTROL_CHARACTERS, { message: 'name must not contain control characters' })
  name!: string;

  @ApiProperty({ enum: ROLES, description: 'A city user may invite only users of its own city ("city").' }) @IsIn(ROLES) role!: Role;

  @ApiPropertyOptional({ description: 'For role "city": the city the user will act for (a city user may leave it out: its own city).' })
  @ValidateIf(present)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  cityId?: string;

  @ApiPropertyOptional({ enum: LANGS, description: "The invitee's language (its e-mails); the inviter's when left out." })
  @ValidateIf(present)
  @IsIn(LANGS)
  language?: Lang;
}
