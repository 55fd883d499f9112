import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'someone@city.example' }) @IsEmail() @MaxLength(254) email!: string;
}
