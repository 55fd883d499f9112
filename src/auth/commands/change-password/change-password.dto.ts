import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsNotCommonPassword, PASSWORD_MIN_LENGTH } from '../../password-policy';

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) currentPassword!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: 'At least 10 characters, and not one of the most common breached passwords.' })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  @IsNotCommonPassword()
  newPassword!: string;
}
