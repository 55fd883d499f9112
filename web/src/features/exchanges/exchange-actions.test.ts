import { describe, expect, it } from 'vitest';
import { conflictKey, exchangeActions, isDestructive, sideOf, type Exchange } from './exchange-actions';

const exchange = (status: Exchange['status']): Exchange => ({
  id: 'e1',
  practiceId: 'p1',
  practiceTitle: 'Design weeks',
  hostCityId: 'bilbao',
  requesterCityId: 'valencia',
  status,
  format: 'online',
  message: 'Hello',
  proposedDates: null,
  response: null,
  cancelReason: null,
  feedback: null,
  rating: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 1,
});
const host = { role: 'city' as const, cityId: 'bilbao' };
const requester = { role: 'city' as const, cityId: 'valencia' };
const outsider = { role: 'city' as const, cityId: 'lliria' };
const admin = { role: 'admin' as const, cityId: null };

describe('exchange actions a user may take', () => {
  it('lets the host answer a request, and the requester cancel it', () => {
    expect(exchangeActions(exchange('requested'), host)).toEqual(['accept', 'decline']);
    expect(exchangeActions(exchange('requested'), requester)).toEqual(['cancel']);
  });

  it('lets the requester mark an accepted exchange as happened, or cancel it; the host waits', () => {
    expect(exchangeActions(exchange('accepted'), requester)).toEqual(['complete', 'cancel']);
    expect(exchangeActions(exchange('accepted'), host)).toEqual([]);
  });

  it('offers nothing once it is closed', () => {
    for (const status of ['declined', 'cancelled', 'completed'] as const) {
      expect(exchangeActions(exchange(status), host)).toEqual([]);
      expect(exchangeActions(exchange(status), requester)).toEqual([]);
      expect(exchangeActions(exchange(status), admin)).toEqual([]);
    }
  });

  it('offers nothing to another city; an admin acts for either side', () => {
    expect(exchangeActions(exchange('requested'), outsider)).toEqual([]);
    expect(exchangeActions(exchange('requested'), admin)).toEqual(['accept', 'decline', 'cancel']);
    expect(exchangeActions(exchange('accepted'), admin)).toEqual(['complete', 'cancel']);
  });

  it('knows the sides, what cannot be undone, and who acted first', () => {
    expect(sideOf(exchange('requested'), 'bilbao')).toBe('host');
    expect(sideOf(exchange('requested'), 'valencia')).toBe('requester');
    expect(sideOf(exchange('requested'), null)).toBe(null);
    expect(['accept', 'decline', 'cancel', 'complete'].filter((a) => isDestructive(a as never))).toEqual(['decline', 'cancel']);
    expect(conflictKey(exchange('accepted'))).toBe('conflict.host.accepted');
    expect(conflictKey(exchange('cancelled'))).toBe('conflict.requester.cancelled');
    expect(conflictKey(exchange('requested'))).toBe('conflict.changed');
  });
});
