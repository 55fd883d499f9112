import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class UnsubscribeQueryDto {
  @ApiProperty({ description: 'The signed token of the link in the e-mail' })
  @IsString()
  @MaxLength(200)
  token!: string;
}

/** RFC 8058's one-click body (a form); a browser's form or an empty body do the same. */
export class UnsubscribeBodyDto {
  @ApiPropertyOptional({ enum: ['One-Click'] })
  @IsOptional()
  @IsIn(['One-Click'])
  'List-Unsubscribe'?: string;
}
