import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsNotCommonPassword, PASSWORD_MIN_LENGTH } from '../../password-policy';
import { WITHOUT_CONTROL_CHARACTERS } from '../../../shared/text';
import { ROLES, type Role } from '../../../shared/auth-user';

export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: 'At least 10 characters, and not one of the most common breached passwords.' })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  @IsNotCommonPassword()
  password!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  @Matches(WITHOUT_CONTROL_CHARACTERS, { message: 'name must not contain control characters' })
  name!: string;

  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;

  @ApiPropertyOptional({ description: 'Required for role "city": the city the user acts for.' })
  @ValidateIf((o: CreateUserDto) => o.role === 'city' || o.cityId !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @IsOptional()
  cityId?: string;
}
