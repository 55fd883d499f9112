import { InvalidInputError } from '@app/domain';
import { isCountryCode } from '../../shared/countries';
import { CREATIVE_FIELD_IDS, isCreativeField, isRegion, REGION_IDS, type CreativeField, type Region } from '../../shared/reference-data';
import { foldForSearch } from '../../shared/search-text';
import { controlCharacterIn, controlCharacterMessage } from '../../shared/text';

/**
 * The value rules of a city, one function per field: each takes raw input (`unknown`, so HTTP
 * bodies, CSV rows and seeds go through the same code), returns the normalized value or throws
 * `InvalidInputError(field, message)` (→ 400). The DTOs call these through `@Satisfies`, so the
 * HTTP answer and the import report say the same thing.
 */
export const CITY_LIMITS = {
  name: 120,
  description: 2000,
  website: 300,
  languages: 10,
  /** The network was founded in 2004: no city was designated before. */
  firstDesignationYear: 2004,
} as const;

export interface GeoPoint {
  lat: number;
  lng: number;
}

const invalid = (field: string, message: string) => new InvalidInputError(field, message);

function noControlCharacters(text: string, field: string): void {
  const found = controlCharacterIn(text);
  if (found) throw invalid(field, controlCharacterMessage(field, found));
}

function required(value: unknown, field: string): void {
  if (value === undefined || value === null || value === '') throw invalid(field, `${field} is required`);
}

export function cityName(value: unknown, field = 'name'): string {
  required(value, field);
  if (typeof value !== 'string') throw invalid(field, `${field} must be a text`);
  const name = value.trim().replace(/\s+/g, ' ');
  if (name.length === 0) throw invalid(field, `${field} must not be empty`);
  if (name.length > CITY_LIMITS.name) throw invalid(field, `${field} must be at most ${CITY_LIMITS.name} characters`);
  noControlCharacters(name, field);
  if (foldForSearch(name).length === 0) throw invalid(field, `${field} must contain a letter or a digit`);
  return name;
}

/** ISO 3166-1 alpha-2, accepted in any case and stored upper-case (`es` → `ES`). */
export function countryCode(value: unknown, field = 'country'): string {
  required(value, field);
  const code = typeof value === 'string' ? value.trim().toUpperCase() : value;
  if (!isCountryCode(code)) {
    throw invalid(field, `${field} must be an ISO 3166-1 alpha-2 country code such as "ES"; ${JSON.stringify(value ?? null)} is not one`);
  }
  return code;
}

export function region(value: unknown, field = 'region'): Region {
  required(value, field);
  if (!isRegion(value)) throw invalid(field, `${field} must be one of: ${REGION_IDS.join(', ')}`);
  return value;
}

export function creativeField(value: unknown, field = 'field'): CreativeField {
  required(value, field);
  if (!isCreativeField(value)) throw invalid(field, `${field} must be one of: ${CREATIVE_FIELD_IDS.join(', ')}`);
  return value;
}

/** From 2004, when the network was founded, to the current year (`today` for tests). */
export function designationYear(value: unknown, today: Date = new Date(), field = 'designationYear'): number {
  required(value, field);
  const last = today.getUTCFullYear();
  if (typeof value !== 'number' || !Number.isInteger(value) || value < CITY_LIMITS.firstDesignationYear || value > last) {
    throw invalid(field, `${field} must be a whole year from ${CITY_LIMITS.firstDesignationYear} to ${last}`);
  }
  return value;
}

/** `{lat, lng}` in WGS 84 degrees, or null for none. */
export function location(value: unknown, field = 'location'): GeoPoint | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(field, `${field} must be an object {lat, lng}`);
  const { lat, lng, ...rest } = value as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw invalid(`${field}.${extra[0]}`, `${field} has only lat and lng; ${extra[0]} should not exist`);
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw invalid(`${field}.lat`, `${field}.lat must be a number from -90 to 90`);
  }
  if (typeof lng !== 'number' || !Number.isFinite(lng) || lng < -180 || lng > 180) {
    throw invalid(`${field}.lng`, `${field}.lng must be a number from -180 to 180`);
  }
  return { lat, lng };
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** ISO 639-1 codes (`es`, `ca`), lower-cased, duplicates dropped, order kept; at most 10. */
export function languages(value: unknown, field = 'languages'): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid(field, `${field} must be a list of ISO 639-1 language codes such as ["es", "ca"]`);
  const codes: string[] = [];
  for (const item of value) {
    const code = typeof item === 'string' ? item.trim().toLowerCase() : '';
    if (!/^[a-z]{2}$/.test(code) || LANGUAGE_NAMES.of(code) === undefined) {
      throw invalid(field, `${field} must hold ISO 639-1 language codes such as "es"; ${JSON.stringify(item)} is not one`);
    }
    if (!codes.includes(code)) codes.push(code);
  }
  if (codes.length > CITY_LIMITS.languages) throw invalid(field, `${field} may list at most ${CITY_LIMITS.languages} languages`);
  return codes;
}

/** Free text; blank means none. */
export function description(value: unknown, field = 'description'): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw invalid(field, `${field} must be a text`);
  const text = value.trim();
  if (text.length > CITY_LIMITS.description) throw invalid(field, `${field} must be at most ${CITY_LIMITS.description} characters`);
  noControlCharacters(text, field);
  return text.length > 0 ? text : null;
}

/** An absolute http(s) URL; blank means none. */
export function website(value: unknown, field = 'website'): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw invalid(field, `${field} must be a text`);
  const text = value.trim();
  if (text.length === 0) return null;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.')) {
    throw invalid(field, `${field} must be an http:// or https:// address such as "https://www.example.org"`);
  }
  if (text.length > CITY_LIMITS.website) throw invalid(field, `${field} must be at most ${CITY_LIMITS.website} characters`);
  return text;
}

/** The folded name that search and the uniqueness of (name, country) use: "Llíria" → "lliria". */
export function searchNameOf(name: string): string {
  return foldForSearch(name);
}

/** "Llíria", "ES" → "lliria-es": readable, stable, and unique because (name, country) is. */
export function slugOf(name: string, country: string): string {
  return `${foldForSearch(name).replace(/ /g, '-')}-${country.toLowerCase()}`;
}
