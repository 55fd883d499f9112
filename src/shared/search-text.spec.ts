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

  it.each([
    ['soft hyphen', 'Lli\u00ADria'],
    ['full-width letters', '\uFF2C\uFF4Círia'],
    ['zero-width joiner', 'Llí\u200Dria'],
    ['zero-width space and non-joiner', 'L\u200Bl\u200Círia'],
    ['word joiner and BOM', '\u2060Llíria\uFEFF'],
    ['variation selector', 'Llí\uFE0Fria'],
    ['decomposed accent', 'Lli\u0301ria'],
  ])('folds a look-alike of "Llíria" (%s) to the same key', (_what, text) => {
    expect(foldForSearch(text)).toBe('lliria');
  });

  it('unifies compatibility forms (ligatures, full-width digits) and keeps a name of invisibles empty', () => {
    expect(foldForSearch('\uFB01gueres')).toBe('figueres');
    expect(foldForSearch('Ｓａｎ　Ｊｏｓé １')).toBe('san jose 1');
    expect(foldForSearch('\u00AD\u200D\u2060')).toBe('');
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
