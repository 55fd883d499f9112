import { describe, expect, it } from 'vitest';
import { hasFilters, listQuery, pageCount, readFilters, writeFilters } from './list-filters';

describe('projects list filters in the address', () => {
  it('round-trips every filter', () => {
    const params = new URLSearchParams('q=guitar&status=active&field=music&sdg=11&city=c1&page=3');
    const filters = readFilters(params);
    expect(filters).toEqual({ q: 'guitar', status: 'active', field: 'music', sdg: 11, cityId: 'c1', page: 3 });
    expect(writeFilters(filters).toString()).toBe(params.toString());
    expect(listQuery(filters)).toEqual({ q: 'guitar', status: 'active', field: 'music', sdg: 11, cityId: 'c1', page: 3, limit: 20 });
  });

  it('drops values the API would refuse instead of failing the page', () => {
    const filters = readFilters(new URLSearchParams('status=lost&field=sport&sdg=18&page=-2'));
    expect(filters).toEqual({ q: '', status: '', field: '', sdg: null, cityId: '', page: 1 });
    expect(hasFilters(filters)).toBe(false);
    expect(writeFilters(filters).toString()).toBe('');
    expect(listQuery(filters)).toEqual({ page: 1, limit: 20 });
  });

  it('counts pages, at least one', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(41)).toBe(3);
  });
});
