import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsNotCommonPassword, PASSWORD_MIN_LENGTH } from '../password-policy';

/** The token of an e-mailed link (`?token=…`): 43 URL-safe characters as issued. */
export class TokenAndPasswordDto {
  @ApiProperty({ description: 'The `token` of the e-mailed link' })
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'token is not a token of an e-mailed link' })
  token!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: 'At least 10 characters, and not one of the most common breached passwords.' })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  @IsNotCommonPassword()
  password!: string;
}
