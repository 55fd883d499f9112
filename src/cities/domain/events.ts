import { defineEvent, type EventMapOf, type EventUnion } from '@app/events';
import { z } from 'zod';
import { CREATIVE_FIELD_IDS, REGION_IDS } from '../../shared/reference-data';

/**
 * The city events, each defined once by the zod schema of its payload: the classes, `CITY_EVENTS`,
 * the event map of the aggregate, the `CityEvent` union and the payload types are derived from it,
 * and `npm run docs:events` documents it. Absent optional values are `null`, never missing, so a
 * payload looks the same after a round trip through MongoDB and JSON. Objects are strict: an
 * undeclared key is a bug in the producer, and the event store refuses it.
 */

/** The `aggregateType` of every city event. */
export const CITY_AGGREGATE = 'city';

const location = z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });
const languages = z.array(z.string().regex(/^[a-z]{2}$/)).describe('ISO 639-1 codes');

/** The profile a city keeps up to date itself. */
const profile = { location: location.nullable(), languages, description: z.string().nullable(), website: z.string().nullable() };

const changes = z.strictObject(profile).partial().describe('only the profile fields whose value changed, with their new value (`null` clears one)');

export const CityRegistered = defineEvent(
  'CityRegistered',
  CITY_AGGREGATE,
  z
    .strictObject({
      name: z.string().min(1),
      slug: z.string().min(1),
      country: z
        .string()
        .regex(/^[A-Z]{2}$/)
        .describe('ISO 3166-1 alpha-2'),
      region: z.enum(REGION_IDS).meta({ title: 'Region' }),
      field: z.enum(CREATIVE_FIELD_IDS).meta({ title: 'CreativeField' }),
      designationYear: z.number().int().min(2004),
      ...profile,
    })
    .meta({ description: 'The secretariat registered a member city.' }),
);
export const CityProfileUpdated = defineEvent(
  'CityProfileUpdated',
  CITY_AGGREGATE,
  z.strictObject({ name: z.string().min(1), changes }).meta({ description: 'The city, or an admin, changed its profile.' }),
);

/** Every city event class, for `EventsModule.forFeature` and subscriptions. */
export const CITY_EVENTS = [CityRegistered, CityProfileUpdated] as const;

/** The union of the city events, narrowed by `event.type`. */
export type CityEvent = EventUnion<typeof CITY_EVENTS>;
/** Event type → payload: the `E` of `AggregateRoot<E>`. */
export type CityEventMap = EventMapOf<typeof CITY_EVENTS>;
export type CityProfileChanges = z.output<typeof changes>;
