import tzLookup from '@photostructure/tz-lookup';

/**
 * The IANA time zone at a city's location; UTC when it has none (a city registered without a
 * location gets its digests at 08:00 UTC until its profile gives one).
 */
export function timeZoneOf(location: { lat: number; lng: number } | null | undefined): string {
  if (!location) return 'UTC';
  try {
    return tzLookup(location.lat, location.lng);
  } catch {
    return 'UTC';
  }
}
