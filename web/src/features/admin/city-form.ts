import type { components } from '../../api/schema';
import type { City } from './admin-api';

type RegisterBody = components['schemas']['RegisterCityDto'];
type PatchBody = components['schemas']['UpdateCityProfileDto'];

export const CREATIVE_FIELDS = ['crafts-folk-art', 'design', 'film', 'gastronomy', 'literature', 'media-arts', 'music'] as const;
export const REGIONS = ['africa', 'arab-states', 'asia-pacific', 'europe-north-america', 'latin-america-caribbean'] as const;

/** The city form's values as the inputs hold them (numbers and lists as typed). */
export interface CityFormValues {
  name: string;
  country: string;
  region: string;
  field: string;
  designationYear: string;
  lat: string;
  lng: string;
  languages: string;
  description: string;
  website: string;
}

/**
 * The form's fields in form order, named as the API names them ("location.lat"), so its errors land
 * beside the right input; `location` alone is the pair's fieldset (an error about both).
 */
export const CITY_FIELDS = [
  'name',
  'country',
  'region',
  'field',
  'designationYear',
  'location',
  'location.lat',
  'location.lng',
  'languages',
  'description',
  'website',
] as const;
export type CityField = (typeof CITY_FIELDS)[number];
/** What an admin may change after registration (UpdateCityProfileDto). */
export const PROFILE_FIELDS = [
  'location',
  'location.lat',
  'location.lng',
  'languages',
  'description',
  'website',
] as const satisfies readonly CityField[];

export const emptyCityValues = (): CityFormValues => ({
  name: '',
  country: '',
  region: '',
  field: '',
  designationYear: '',
  lat: '',
  lng: '',
  languages: '',
  description: '',
  website: '',
});

export const cityValuesOf = (c: City): CityFormValues => ({
  name: c.name,
  country: c.country,
  region: c.region,
  field: c.field,
  designationYear: String(c.designationYear),
  lat: c.location ? String(c.location.lat) : '',
  lng: c.location ? String(c.location.lng) : '',
  languages: c.languages.join(', '),
  description: c.description ?? '',
  website: c.website ?? '',
});

/** A problem found before sending: the field and the key of its message (locales `form.problems.*`). */
export interface LocalProblem {
  field: CityField;
  key: 'required' | 'year' | 'number' | 'bothCoordinates';
}

const isNumber = (s: string) => s.trim() !== '' && Number.isFinite(Number(s.trim()));

/** Required fields left empty and numbers that are not numbers (the API judges everything else). */
export function checkCityValues(v: CityFormValues, registering: boolean): LocalProblem[] {
  const problems: LocalProblem[] = [];
  if (registering) {
    for (const f of ['name', 'country', 'region', 'field'] as const) if (!v[f].trim()) problems.push({ field: f, key: 'required' });
    if (!v.designationYear.trim()) problems.push({ field: 'designationYear', key: 'required' });
    else if (!/^\d{4}$/.test(v.designationYear.trim())) problems.push({ field: 'designationYear', key: 'year' });
  }
  const [lat, lng] = [v.lat.trim(), v.lng.trim()];
  if (!lat !== !lng) problems.push({ field: 'location', key: 'bothCoordinates' });
  if (lat && !isNumber(lat)) problems.push({ field: 'location.lat', key: 'number' });
  if (lng && !isNumber(lng)) problems.push({ field: 'location.lng', key: 'number' });
  return problems;
}

/** "es, ca" → ["es", "ca"]: lower-case codes, blanks dropped. */
export const languagesOf = (typed: string) =>
  typed
    .split(/[,\s]+/)
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);

const locationOf = (v: CityFormValues) => (v.lat.trim() && v.lng.trim() ? { lat: Number(v.lat.trim()), lng: Number(v.lng.trim()) } : null);
const orNull = (s: string) => s.trim() || null;

export function registerBodyOf(v: CityFormValues): RegisterBody {
  const location = locationOf(v);
  const languages = languagesOf(v.languages);
  return {
    name: v.name.trim(),
    country: v.country.trim().toUpperCase(),
    region: v.region as RegisterBody['region'],
    field: v.field as RegisterBody['field'],
    designationYear: Number(v.designationYear.trim()),
    ...(location && { location }),
    ...(languages.length > 0 && { languages }),
    ...(v.description.trim() && { description: v.description.trim() }),
    ...(v.website.trim() && { website: v.website.trim() }),
  };
}

/**
 * Only the profile fields the user changed from `opened` (what the form started from), with the
 * version read: after a 409 the edits are re-applied over the fresh city and saving again leaves
 * the others' changes to the untouched fields alone.
 */
export function patchBodyOf(v: CityFormValues, opened: CityFormValues, version: number): PatchBody {
  const body: PatchBody = { version };
  if (v.lat.trim() !== opened.lat.trim() || v.lng.trim() !== opened.lng.trim()) body.location = locationOf(v);
  if (languagesOf(v.languages).join() !== languagesOf(opened.languages).join()) body.languages = languagesOf(v.languages);
  if (v.description.trim() !== opened.description.trim()) body.description = orNull(v.description);
  if (v.website.trim() !== opened.website.trim()) body.website = orNull(v.website);
  return body;
}

export const hasProfileChanges = (body: PatchBody) => Object.keys(body).some((k) => k !== 'version');

/** The user's edits (what differs from `opened`) laid over `fresh`: what the form shows after a 409. */
export function rebase(current: CityFormValues, opened: CityFormValues, fresh: CityFormValues): CityFormValues {
  const next = { ...fresh };
  for (const key of Object.keys(current) as (keyof CityFormValues)[]) if (current[key] !== opened[key]) next[key] = current[key];
  return next;
}
