import { defineEvent } from '@app/events';
import { z } from 'zod';
import { CREATIVE_FIELD_IDS, REGION_IDS } from '../../shared/reference-data';

/** The `aggregateType` of every city event. */
export const CITY_AGGREGATE = 'city';

const location = z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });
const languages = z.array(z.string().regex(/^[a-z]{2}$/));

/**
 * Payloads of the city events. Absent optional values are `null`, never missing, so a payload looks
 * the same after a round trip through MongoDB and JSON. Objects are strict: an undeclared key is a
 * bug in the producer.
 */
const cityRegistered = z.strictObject({
  name: z.string().min(1),
  slug: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/),
  region: z.enum(REGION_IDS),
  field: z.enum(CREATIVE_FIELD_IDS),
  designationYear: z.number().int().min(2004),
  location: location.nullable(),
  languages,
  description: z.string().nullable(),
  website: z.string().nullable(),
});

/** Only the profile fields whose value changed, with their new value (`null` = cleared). */
const cityProfileChanges = z.strictObject({
  location: location.nullable().optional(),
  languages: languages.optional(),
  description: z.string().nullable().optional(),
  website: z.string().nullable().optional(),
});
const cityProfileUpdated = z.strictObject({ name: z.string().min(1), changes: cityProfileChanges });

export type CityRegisteredPayload = z.infer<typeof cityRegistered>;
export type CityProfileChanges = z.infer<typeof cityProfileChanges>;
export type CityProfileUpdatedPayload = z.infer<typeof cityProfileUpdated>;

/** Event type → payload: the `E` of `AggregateRoot<E>` (a type alias, so it fits `Record<string, object>`). */
export type CityEventMap = {
  CityRegistered: CityRegisteredPayload;
  CityProfileUpdated: CityProfileUpdatedPayload;
};

export const CityRegistered = defineEvent('CityRegistered', CITY_AGGREGATE, cityRegistered);
export const CityProfileUpdated = defineEvent('CityProfileUpdated', CITY_AGGREGATE, cityProfileUpdated);

/** Every city event class, for `EventsModule.forFeature`. */
export const CITY_EVENTS = [CityRegistered, CityProfileUpdated] as const;
