import type { ExchangeQuery } from './exchange-api';

export const ROLES = ['host', 'requester'] as const;
export const STATUSES = ['requested', 'accepted', 'declined', 'cancelled', 'completed'] as const;
export const PAGE_SIZE = 20;

export interface ExchangeFilters {
  role: (typeof ROLES)[number] | '';
  status: (typeof STATUSES)[number] | '';
  page: number;
}

/**
 * The list's filters from the address. A city user sees one side at a time (hosting first: that is
 * where requests wait for an answer); the secretariat, on no side, sees every exchange.
 */
export function exchangeFiltersFrom(params: URLSearchParams, hasCity: boolean): ExchangeFilters {
  const role = params.get('role');
  const status = params.get('status');
  const page = Number(params.get('page'));
  return {
    role: ROLES.includes(role as never) ? (role as ExchangeFilters['role']) : hasCity ? 'host' : '',
    status: STATUSES.includes(status as never) ? (status as ExchangeFilters['status']) : '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function exchangeHref(f: ExchangeFilters): string {
  const params = new URLSearchParams();
  if (f.role) params.set('role', f.role);
  if (f.status) params.set('status', f.status);
  if (f.page > 1) params.set('page', String(f.page));
  const search = params.toString();
  return search ? `/exchanges?${search}` : '/exchanges';
}

export function exchangeQueryOf(f: ExchangeFilters): ExchangeQuery {
  return { page: f.page, limit: PAGE_SIZE, ...(f.role ? { role: f.role } : {}), ...(f.status ? { status: f.status } : {}) };
}
