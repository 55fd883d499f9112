import { describe, expect, it } from 'vitest';
import { apiQueryOf, filtersFrom, pageCount, paramsOf } from './library-params';

describe('library filters in the address', () => {
  it('reads known values and drops what the API would refuse', () => {
    const f = filtersFrom(new URLSearchParams('q=+heritage+&field=design&sdg=11&language=es&page=3&sort=endorsed'));
    expect(f).toEqual({ q: 'heritage', field: 'design', sdg: '11', language: 'es', cityId: '', sort: 'endorsed', page: 3 });
    const bad = filtersFrom(new URLSearchParams('field=cooking&sdg=18&language=de&page=-2&sort=random'));
    expect(bad).toEqual({ q: '', field: '', sdg: '', language: '', cityId: '', sort: '', page: 1 });
  });

  it('writes only the filters set, and no page 1', () => {
    const params = paramsOf({ q: 'water', field: '', sdg: '6', language: '', cityId: '', sort: '', page: 1 });
    expect(params.toString()).toBe('q=water&sdg=6');
  });

  it('asks the API for the page, and for best match only with words', () => {
    const base = { q: '', field: 'music', sdg: '', language: '', cityId: 'c1', sort: 'relevance', page: 2 };
    expect(apiQueryOf(base)).toEqual({ page: 2, limit: 20, field: 'music', cityId: 'c1' });
    expect(apiQueryOf({ ...base, q: 'jazz' })).toEqual({ page: 2, limit: 20, q: 'jazz', field: 'music', cityId: 'c1', sort: 'relevance' });
  });

  it('counts pages', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
  });
});
