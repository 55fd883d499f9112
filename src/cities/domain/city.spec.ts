import { ConflictError, ForbiddenError, InvalidInputError } from '@app/domain';
import { City } from './city';
import { checkRegistration, cityKey, type CityRegistration } from './city-registration';
import { slugOf } from './city-values';

const admin = { role: 'admin', cityId: null } as const;
const system = { role: 'system', cityId: null } as const;
const lliriaUser = { role: 'city', cityId: 'c-lliria' } as const;
const otherUser = { role: 'city', cityId: 'c-other' } as const;
const clock = () => new Date('2025-06-01T10:00:00Z');

const lliria: CityRegistration = {
  name: '  Llíria ',
  country: 'es',
  region: 'europe-north-america',
  field: 'music',
  designationYear: 2019,
  location: { lat: 39.6255, lng: -0.5965 },
  languages: ['ES', 'ca', 'es'],
};

function registered(): City {
  const city = City.register('c-lliria', lliria, admin, clock);
  city.pullPendingEvents();
  return City.restore({ ...city.toSnapshot(), version: 1 }, clock);
}

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('City.register', () => {
  it('normalizes the values, derives slug and search name, and records CityRegistered', () => {
    const city = City.register('c-lliria', lliria, admin, clock);
    const s = city.toSnapshot();
    expect(s).toMatchObject({
      id: 'c-lliria',
      name: 'Llíria',
      country: 'ES',
      slug: 'lliria-es',
      searchName: 'lliria',
      languages: ['es', 'ca'],
      description: null,
      website: null,
      version: 0,
    });
    expect(s.createdAt).toEqual(clock());
    expect(city.pullPendingEvents()).toEqual([
      {
        type: 'CityRegistered',
        data: {
          name: 'Llíria',
          slug: 'lliria-es',
          country: 'ES',
          region: 'europe-north-america',
          field: 'music',
          designationYear: 2019,
          location: { lat: 39.6255, lng: -0.5965 },
          languages: ['es', 'ca'],
          description: null,
          website: null,
        },
      },
    ]);
  });

  it('is reserved to admins and the system (seeds, imports)', () => {
    expect(errorOf(() => City.register('c1', lliria, lliriaUser, clock))).toBeInstanceOf(ForbiddenError);
    expect(City.register('c1', lliria, system, clock).hasPendingEvents).toBe(true);
  });

  it.each([
    ['name', 'name', { name: '   ' }],
    ['name', 'name', { name: 42 }],
    ['name', 'name', { name: '---' }],
    ['name', 'name', { name: 'x'.repeat(121) }],
    ['country', 'country', { country: 'XX' }],
    ['country', 'country', { country: 'ESP' }],
    ['country', 'country', { country: 'EU' }],
    ['region', 'region', { region: 'europe' }],
    ['field', 'field', { field: 'painting' }],
    ['designationYear', 'designationYear', { designationYear: 2003 }],
    ['designationYear', 'designationYear', { designationYear: 2026 }],
    ['designationYear', 'designationYear', { designationYear: 2019.5 }],
    ['designationYear', 'designationYear', { designationYear: '2019' }],
    ['location', 'location.lat', { location: { lat: 91, lng: 0 } }],
    ['location', 'location.lng', { location: { lat: 0, lng: -181 } }],
    ['location', 'location.alt', { location: { lat: 0, lng: 0, alt: 3 } }],
    ['location', 'location', { location: [1, 2] }],
    ['languages', 'languages', { languages: ['zz'] }],
    ['languages', 'languages', { languages: 'es' }],
    ['languages', 'languages', { languages: ['es', 'ca', 'eu', 'gl', 'en', 'fr', 'de', 'it', 'pt', 'nl', 'ar'] }],
    ['description', 'description', { description: 'x'.repeat(2001) }],
    ['website', 'website', { website: 'ftp://example.org' }],
    ['website', 'website', { website: 'not a url' }],
  ])('refuses a bad %s with a 400 naming %s', (_label, field, patch) => {
    const error = errorOf(() => City.register('c1', { ...lliria, ...patch }, admin, clock));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe(field);
  });

  it('accepts the first and the current designation year', () => {
    expect(City.register('c1', { ...lliria, designationYear: 2004 }, admin, clock).toSnapshot().designationYear).toBe(2004);
    expect(City.register('c1', { ...lliria, designationYear: 2025 }, admin, clock).toSnapshot().designationYear).toBe(2025);
  });

  it('turns blank optional texts into null', () => {
    const s = City.register('c1', { ...lliria, description: '  ', website: '' }, admin, clock).toSnapshot();
    expect(s.description).toBeNull();
    expect(s.website).toBeNull();
  });
});

describe('checkRegistration', () => {
  it('reports every bad field at once', () => {
    const result = checkRegistration({ name: '', country: 'XX', region: 'mars', field: 'music', designationYear: 1999 }, clock());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.field)).toEqual(['name', 'country', 'region', 'designationYear']);
  });

  it('refuses control characters in the name and description (a NUL byte from a CSV file), not line breaks', () => {
    const result = checkRegistration({ ...lliria, name: 'Llíria\u0000', description: 'Ciudad\u001b[31m' }, clock());
    expect(!result.ok && result.problems).toEqual([
      { field: 'name', message: 'name must not contain control characters (found U+0000)' },
      { field: 'description', message: 'description must not contain control characters (found U+001B)' },
    ]);
    expect(checkRegistration({ ...lliria, description: 'Ciudad de la música.\r\n\tDesde 2019.' }, clock()).ok).toBe(true);
  });

  it('keys a city by its folded name and country', () => {
    expect(cityKey({ name: 'LLIRIA', country: 'ES' })).toBe(cityKey({ name: 'Llíria', country: 'ES' }));
    expect(cityKey({ name: 'Valencia', country: 'ES' })).not.toBe(cityKey({ name: 'Valencia', country: 'VE' }));
    expect(slugOf('Saint-Étienne', 'FR')).toBe('saint-etienne-fr');
  });

  it('keys look-alikes of a name (soft hyphen, full-width letters, zero-width joiner) as that name', () => {
    const key = cityKey({ name: 'Llíria', country: 'ES' });
    for (const name of ['Lli\u00ADria', '\uFF2C\uFF4Círia', 'Llí\u200Dria']) expect(cityKey({ name, country: 'ES' })).toBe(key);
    const city = City.register('c-x', { ...lliria, name: 'Lli\u00ADria' }, admin, clock);
    expect(city.toSnapshot()).toMatchObject({ searchName: 'lliria', slug: 'lliria-es' });
  });

  it('refuses a name made of invisible characters only', () => {
    const result = checkRegistration({ ...lliria, name: '\u00AD\u200D' }, clock());
    expect(!result.ok && result.problems).toEqual([{ field: 'name', message: 'name must contain a letter or a digit' }]);
  });
});

describe('City.updateProfile', () => {
  it('lets a user of the city change its profile, recording only what changed', () => {
    const city = registered();
    const later = new Date('2025-07-01T00:00:00Z');
    const withClock = City.restore(city.toSnapshot(), () => later);
    const changed = withClock.updateProfile(
      { description: ' Ciudad de la música ', website: 'https://lliria.es', languages: ['es', 'ca'], location: { lat: 39.6255, lng: -0.5965 } },
      lliriaUser,
      1,
    );
    expect(changed).toBe(true);
    expect(withClock.pullPendingEvents()).toEqual([
      { type: 'CityProfileUpdated', data: { name: 'Llíria', changes: { description: 'Ciudad de la música', website: 'https://lliria.es' } } },
    ]);
    expect(withClock.toSnapshot()).toMatchObject({ description: 'Ciudad de la música', updatedAt: later, version: 1 });
  });

  it('clears an optional value with null', () => {
    const city = registered();
    city.updateProfile({ location: null }, admin);
    expect(city.toSnapshot().location).toBeNull();
    expect(city.pullPendingEvents()[0].data).toEqual({ name: 'Llíria', changes: { location: null } });
  });

  it('records nothing when nothing changes', () => {
    const city = registered();
    expect(city.updateProfile({ languages: ['es', 'ca'] }, admin)).toBe(false);
    expect(city.updateProfile({}, admin)).toBe(false);
    expect(city.hasPendingEvents).toBe(false);
  });

  it('refuses a user of another city with 403, before looking at the values', () => {
    const city = registered();
    expect(errorOf(() => city.updateProfile({ website: 'nope' }, otherUser))).toBeInstanceOf(ForbiddenError);
    expect(city.hasPendingEvents).toBe(false);
  });

  it('refuses a stale version with 409 and a bad value with 400, changing nothing', () => {
    const city = registered();
    const stale = errorOf(() => city.updateProfile({ description: 'x' }, admin, 0));
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).code).toBe('city.stale-version');
    const bad = errorOf(() => city.updateProfile({ description: 'ok', website: 'ftp://x.org' }, admin, 1));
    expect(bad).toBeInstanceOf(InvalidInputError);
    expect(city.toSnapshot().description).toBeNull();
    expect(city.hasPendingEvents).toBe(false);
  });

  it('refuses null languages (an empty list clears them)', () => {
    const city = registered();
    expect(errorOf(() => city.updateProfile({ languages: null }, admin))).toBeInstanceOf(InvalidInputError);
    expect(city.updateProfile({ languages: [] }, admin)).toBe(true);
    expect(city.toSnapshot().languages).toEqual([]);
  });
});
