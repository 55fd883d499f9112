import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PageOf, PaginationQuery, pageOf, slicePage, skipOf } from './pagination';

/** As the global ValidationPipe does it: query strings in, a typed DTO or the failing fields out. */
function parse(query: Record<string, unknown>): PaginationQuery | string[] {
  const dto = plainToInstance(PaginationQuery, query);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  return errors.length ? errors.map((e) => e.property) : dto;
}

describe('PaginationQuery', () => {
  it('defaults to page 1 of 20 and converts query strings to numbers', () => {
    expect(parse({})).toMatchObject({ page: 1, limit: 20 });
    expect(parse({ page: '3', limit: '100' })).toMatchObject({ page: 3, limit: 100 });
  });

  it.each([
    [{ page: '0' }, ['page']],
    [{ page: 'abc' }, ['page']],
    [{ page: '2.5' }, ['page']],
    [{ page: '1e9' }, ['page']],
    [{ limit: '0' }, ['limit']],
    [{ limit: '101' }, ['limit']],
    [{ limit: '' }, ['limit']],
  ])('refuses %j', (query, fields) => {
    expect(parse(query)).toEqual(fields);
  });

  it('computes the skip and builds pages', () => {
    expect(skipOf({ page: 3, limit: 20 })).toBe(40);
    expect(pageOf(['a'], 41, { page: 3, limit: 20 })).toEqual({ items: ['a'], total: 41, page: 3, limit: 20 });
    expect(slicePage(['a', 'b', 'c', 'd', 'e'], { page: 2, limit: 2 })).toEqual({ items: ['c', 'd'], total: 5, page: 2, limit: 2 });
  });

  it('makes one OpenAPI page class per item type', () => {
    class Thing {}
    expect(PageOf(Thing)).toBe(PageOf(Thing));
    expect(PageOf(Thing).name).toBe('ThingPage');
  });
});
