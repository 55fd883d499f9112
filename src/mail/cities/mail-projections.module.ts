import { Module } from '@nestjs/common';
import { CityZonesProjector } from './city-zones.projector';

/**
 * The mail channel's projection alone (no queue, no Redis): MailModule imports it in the API, and
 * the maintenance scripts' CliModule, so `npm run rebuild:read-models -- mail.city-zones` finds it.
 */
@Module({ providers: [CityZonesProjector] })
export class MailProjectionsModule {}
