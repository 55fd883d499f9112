import { describe, expect, it } from 'vitest';
import { exchangeFiltersFrom, exchangeHref, exchangeQueryOf } from './exchange-filters';

describe('exchange list filters', () => {
  it('shows a city its hosting side first, the secretariat everything', () => {
    expect(exchangeFiltersFrom(new URLSearchParams(''), true)).toEqual({ role: 'host', status: '', page: 1 });
    expect(exchangeFiltersFrom(new URLSearchParams(''), false)).toEqual({ role: '', status: '', page: 1 });
  });

  it('reads known values only', () => {
    expect(exchangeFiltersFrom(new URLSearchParams('role=requester&status=accepted&page=2'), true)).toEqual({
      role: 'requester',
      status: 'accepted',
      page: 2,
    });
    expect(exchangeFiltersFrom(new URLSearchParams('role=guest&status=lost&page=x'), true)).toEqual({ role: 'host', status: '', page: 1 });
  });

  it('writes the address and the API query', () => {
    expect(exchangeHref({ role: 'requester', status: '', page: 1 })).toBe('/exchanges?role=requester');
    expect(exchangeHref({ role: '', status: '', page: 1 })).toBe('/exchanges');
    expect(exchangeQueryOf({ role: 'host', status: 'requested', page: 3 })).toEqual({ page: 3, limit: 20, role: 'host', status: 'requested' });
  });
});
