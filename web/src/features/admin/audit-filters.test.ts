import { describe, expect, it } from 'vitest';
import { auditFiltersOf, auditQueryOf, auditSearchOf } from './audit-filters';

describe('the audit log filters', () => {
  it('round-trip through the address, dropping what is empty or malformed', () => {
    const f = auditFiltersOf(new URLSearchParams('actor=admin@test.local&action=&from=2026-03-01&to=tomorrow&page=2'));
    expect(f).toEqual({ actor: 'admin@test.local', action: '', from: '2026-03-01', to: '', page: 2 });
    expect(auditSearchOf(f)).toBe('?actor=admin%40test.local&from=2026-03-01&page=2');
    expect(auditSearchOf({ ...f, actor: '', from: '', page: 1 })).toBe('');
  });

  it('asks the API for whole local days, the last one included', () => {
    const q = auditQueryOf({ actor: '', action: 'CitiesController_update', from: '2026-03-01', to: '2026-03-01', page: 1 });
    expect(q.action).toBe('CitiesController_update');
    expect(new Date(q.from!).getTime()).toBe(new Date(2026, 2, 1).getTime());
    expect(new Date(q.to!).getTime()).toBe(new Date(2026, 2, 2).getTime());
    expect('actor' in q).toBe(false);
  });
});
