import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'someone@city.example' }) @IsEmail() @MaxLength(254) email!: string;
}

/** The answer of `POST /auth/password-reset`: the same for every address, known or not. */
export class PasswordResetRequestedView {
  @ApiProperty({ example: 'If this address belongs to an account, a link to set a new password is on its way. It is valid for one hour.' })
  message!: string;
}
