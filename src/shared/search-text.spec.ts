import { COUNTRY_CODES, countryName, isCountryCode } from './countries';
import { escapeRegex, foldForSearch } from './search-text';

describe('foldForSearch', () => {
  it.each([
    ['Llíria', 'lliria'],
    ['  Dénia ', 'denia'],
    ['Saint-Étienne', 'saint etienne'],
    ['Łódź', 'lodz'],
    ['Straße', 'strasse'],
    ['São Paulo', 'sao paulo'],
    ['Chiang Mai', 'chiang mai'],
    ['成都', '成都'],
    ['!!!', ''],
  ])('%s → %s', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('escapes every RegExp metacharacter', () => {
    const nasty = 'a.*+?^${}()|[]\\b';
    expect(new RegExp(escapeRegex(nasty)).test(`x${nasty}y`)).toBe(true);
    expect(new RegExp(escapeRegex('a.c')).test('abc')).toBe(false);
  });
});

describe('countries', () => {
  it('has the 249 assigned ISO 3166-1 alpha-2 codes, each with a name', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    expect(COUNTRY_CODES.filter((code) => countryName(code) === code)).toEqual([]);
  });

  it('accepts assigned upper-case codes only', () => {
    expect(['ES', 'FR', 'CO', 'SN'].every(isCountryCode)).toBe(true);
    expect(['es', 'EU', 'UN', 'XK', 'XX', 'ESP', '', null].some(isCountryCode)).toBe(false);
    expect(countryName('ES', 'fr')).toBe('Espagne');
  });
});
