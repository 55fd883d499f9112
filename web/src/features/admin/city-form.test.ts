import { describe, expect, it } from 'vitest';
import type { City } from './admin-api';
import { checkCityValues, cityValuesOf, emptyCityValues, hasProfileChanges, patchBodyOf, rebase, registerBodyOf } from './city-form';

const city: City = {
  id: 'c1',
  name: 'Llíria',
  country: 'ES',
  region: 'europe-north-america',
  field: 'music',
  designationYear: 2019,
  location: { lat: 39.6255, lng: -0.5965 },
  languages: ['es', 'ca'],
  description: null,
  website: 'https://www.lliria.es',
  slug: 'lliria-es',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  version: 3,
};

describe('the city form', () => {
  it('names each required field left empty and a year that is not one', () => {
    expect(checkCityValues(emptyCityValues(), true).map((p) => p.field)).toEqual(['name', 'country', 'region', 'field', 'designationYear']);
    const v = { ...emptyCityValues(), name: 'Óbidos', country: 'pt', region: 'europe-north-america', field: 'literature', designationYear: '20x5' };
    expect(checkCityValues(v, true)).toEqual([{ field: 'designationYear', key: 'year' }]);
  });

  it('wants both coordinates or neither, as numbers', () => {
    expect(checkCityValues({ ...cityValuesOf(city), lng: '' }, false)).toEqual([{ field: 'location', key: 'bothCoordinates' }]);
    expect(checkCityValues({ ...cityValuesOf(city), lat: 'north' }, false)).toEqual([{ field: 'location.lat', key: 'number' }]);
  });

  it('registers with the country upper-cased, numbers as numbers, and the empty optional fields left out', () => {
    const v = { ...emptyCityValues(), name: ' Óbidos ', country: 'pt', region: 'europe-north-america', field: 'literature', designationYear: '2015' };
    expect(registerBodyOf(v)).toEqual({ name: 'Óbidos', country: 'PT', region: 'europe-north-america', field: 'literature', designationYear: 2015 });
    expect(registerBodyOf({ ...v, lat: '39.36', lng: '-9.15', languages: 'PT, en' })).toMatchObject({
      location: { lat: 39.36, lng: -9.15 },
      languages: ['pt', 'en'],
    });
  });

  it('sends only the changed profile fields with the version read; cleared ones as null', () => {
    const opened = cityValuesOf(city);
    expect(hasProfileChanges(patchBodyOf(opened, opened, 3))).toBe(false);
    expect(patchBodyOf({ ...opened, website: '', description: 'Music city' }, opened, 3)).toEqual({
      version: 3,
      website: null,
      description: 'Music city',
    });
    expect(patchBodyOf({ ...opened, lat: '', lng: '' }, opened, 3)).toEqual({ version: 3, location: null });
  });

  it('after a 409 keeps the user’s edits over the fresh city', () => {
    const opened = cityValuesOf(city);
    const fresh = cityValuesOf({ ...city, website: 'https://lliria.es/new', languages: ['es'], version: 4 });
    const mine = { ...opened, description: 'Ciudad de la música' };
    expect(rebase(mine, opened, fresh)).toEqual({ ...fresh, description: 'Ciudad de la música' });
  });
});
