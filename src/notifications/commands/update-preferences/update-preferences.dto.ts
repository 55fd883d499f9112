import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Min } from 'class-validator';
import { EMAIL_FREQUENCIES, NOTIFIED_TYPES, type EmailFrequency } from '../../domain/notification-types';

export class UpdatePreferencesDto {
  @ApiProperty({ enum: EMAIL_FREQUENCIES, description: "The signed-in user's own e-mail cadence." })
  @IsIn(EMAIL_FREQUENCIES)
  email!: EmailFrequency;

  @ApiProperty({
    type: [String],
    enum: NOTIFIED_TYPES,
    description: "Event types that make no inbox item for the user's city (shared by its users).",
  })
  @IsArray()
  @ArrayMaxSize(NOTIFIED_TYPES.length * 2)
  @IsString({ each: true })
  @IsIn(NOTIFIED_TYPES, { each: true, message: `each value in mutedTypes must be one of: ${NOTIFIED_TYPES.join(', ')}` })
  mutedTypes!: string[];

  @ApiPropertyOptional({ description: "The version of the city's preferences read (0 for the defaults); a stale one is a 409." })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}
