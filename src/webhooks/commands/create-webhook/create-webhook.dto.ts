import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { NETWORK_EVENT_TYPES } from '../../webhook-events';

export const WEBHOOK_URL_MAX = 2048;

/** `POST /webhooks`. */
export class CreateWebhookDto {
  @ApiProperty({
    format: 'uri',
    maxLength: WEBHOOK_URL_MAX,
    example: 'https://it.example-city.org/ccx/webhooks',
    description: 'An absolute http(s) URL on a public address (private, loopback and link-local targets are refused)',
  })
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX)
  url!: string;

  @ApiProperty({
    type: [String],
    enum: NETWORK_EVENT_TYPES,
    description: 'The event types to deliver. A city’s webhook may name the types that notify a city (SPEC §4); the network’s, any.',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(NETWORK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(NETWORK_EVENT_TYPES, { each: true, message: 'each value in events must be a known event type' })
  events!: string[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;
}
