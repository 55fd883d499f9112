import type { AuditQuery } from './admin-api';

/** The audit log's filters as the form holds them; `from` / `to` are days (YYYY-MM-DD), both included. */
export interface AuditFilters {
  actor: string;
  action: string;
  from: string;
  to: string;
  page: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters from the page's address (so Back, a reload or a shared link keep them). */
export function auditFiltersOf(params: URLSearchParams): AuditFilters {
  const day = (key: string) => (DAY.test(params.get(key) ?? '') ? params.get(key)! : '');
  const page = Number(params.get('page'));
  return {
    actor: params.get('actor')?.trim() ?? '',
    action: params.get('action')?.trim() ?? '',
    from: day('from'),
    to: day('to'),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The address's search part for these filters (empty ones and page 1 left out). */
export function auditSearchOf(f: AuditFilters): string {
  const params = new URLSearchParams();
  if (f.actor.trim()) params.set('actor', f.actor.trim());
  if (f.action.trim()) params.set('action', f.action.trim());
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.page > 1) params.set('page', String(f.page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Local midnight of a YYYY-MM-DD day, plus `days`. */
const midnight = (day: string, days = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + days);
};

/**
 * The API query: days become instants in the user's time zone; `to` is exclusive in the API, so
 * the chosen last day is included by asking for everything before the next midnight.
 */
export function auditQueryOf(f: AuditFilters): AuditQuery {
  return {
    ...(f.actor && { actor: f.actor }),
    ...(f.action && { action: f.action }),
    ...(f.from && { from: midnight(f.from).toISOString() }),
    ...(f.to && { to: midnight(f.to, 1).toISOString() }),
    page: f.page,
  };
}

export const hasAuditFilters = (f: AuditFilters) => !!(f.actor || f.action || f.from || f.to);
