import { EventConsumer, isDuplicateKeyError, type EventHandlerOf, type EventUnion, type HandlerContext } from '@app/events';
import { Injectable } from '@nestjs/common';
import type { mongo } from 'mongoose';
import { CityProfileUpdated, CityRegistered } from '../../cities/contracts';
import { CITY_ZONES_COLLECTION, type CityZoneDocument } from './city-zone.schema';
import { timeZoneOf } from './time-zone-of';

const CITY_ZONE_EVENTS = [CityRegistered, CityProfileUpdated] as const;

/**
 * Feeds the city names and time zones the digests need (`npm run rebuild:read-models -- mail.city-zones`).
 * Replay-safe: each write is guarded by the event's seq.
 */
@Injectable()
@EventConsumer({ name: 'mail.city-zones', events: CITY_ZONE_EVENTS, projection: { collection: CITY_ZONES_COLLECTION } })
export class CityZonesProjector implements EventHandlerOf<typeof CITY_ZONE_EVENTS> {
  async handle(event: EventUnion<typeof CITY_ZONE_EVENTS>, { collection }: HandlerContext): Promise<void> {
    const zones = collection as unknown as mongo.Collection<CityZoneDocument>;
    const set: Partial<CityZoneDocument> = { name: event.data.name, seq: event.seq };
    if (event.type === 'CityRegistered') set.timeZone = timeZoneOf(event.data.location);
    else if (event.data.changes.location !== undefined) set.timeZone = timeZoneOf(event.data.changes.location);
    try {
      await zones.updateOne(
        { _id: event.aggregateId, seq: { $lt: event.seq } },
        { $set: set, ...(set.timeZone ? {} : { $setOnInsert: { timeZone: 'UTC' } }) },
        { upsert: true },
      );
    } catch (error) {
      // The city is there with a seq >= this one, so the upsert collided with its _id: a stale event.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
