import { describe, expect, it } from 'vitest';
import { filtersToParams, filtersToQuery, hasFilters, parseFilters } from './filters';

describe('directory filters ↔ URL', () => {
  it('reads the filters from the URL and writes them back the same', () => {
    const params = new URLSearchParams('field=music&region=europe-north-america&country=es&q=%20lli%20');
    const filters = parseFilters(params);
    expect(filters).toEqual({ field: 'music', region: 'europe-north-america', country: 'ES', q: 'lli' });
    expect(filtersToParams(filters).toString()).toBe('field=music&region=europe-north-america&country=ES&q=lli');
    expect(parseFilters(filtersToParams(filters))).toEqual(filters);
  });

  it('ignores values the API would refuse instead of sending them', () => {
    expect(parseFilters(new URLSearchParams('field=opera&region=mars&country=ESP&q='))).toEqual({
      field: undefined,
      region: undefined,
      country: undefined,
      q: undefined,
    });
  });

  it('leaves unset filters out of the URL and of the API query', () => {
    expect(filtersToParams({ field: 'film' }).toString()).toBe('field=film');
    expect(filtersToQuery({ q: '  ', country: 'FR' })).toEqual({ country: 'FR' });
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ q: 'val' })).toBe(true);
  });
});
