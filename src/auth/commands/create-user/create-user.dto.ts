import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { WITHOUT_CONTROL_CHARACTERS } from '../../../shared/text';
import { ROLES, type Role } from '../../../shared/auth-user';

export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;

  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(200) password!: string;

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
