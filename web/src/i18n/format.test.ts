import { describe, expect, it } from 'vitest';
import { displayName, formatDate, relativeTime } from './format';

describe('relativeTime: Intl in the chosen language', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  it('uses the largest unit that fits', () => {
    expect(relativeTime(new Date('2026-03-01T10:00:00Z'), now, 'en')).toBe('2 hours ago');
    expect(relativeTime(new Date('2026-02-28T12:00:00Z'), now, 'en')).toBe('yesterday');
    expect(relativeTime(new Date('2026-03-01T11:59:30Z'), now, 'en')).toBe('30 seconds ago');
  });
  it('speaks Spanish and French', () => {
    expect(relativeTime(new Date('2026-03-01T10:00:00Z'), now, 'es')).toBe('hace 2 horas');
    expect(relativeTime(new Date('2026-03-01T10:00:00Z'), now, 'fr')).toBe('il y a 2 heures');
  });
});

describe('formatDate: date-only strings are calendar days', () => {
  it('shows 2026-05-04 as 4 May in every time zone', () => {
    for (const zone of ['America/Lima', 'America/Los_Angeles', 'UTC', 'Europe/Madrid', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      expect(formatDate('2026-05-04', 'en-GB', zone)).toBe('4 May 2026');
    }
    expect(formatDate('2026-05-04', 'es')).toBe('4 may 2026');
  });
  it('shows an instant on its day in the given zone', () => {
    expect(formatDate('2026-05-04T02:00:00Z', 'en-GB', 'America/Lima')).toBe('3 May 2026');
    expect(formatDate('2026-05-04T02:00:00Z', 'en-GB', 'Europe/Madrid')).toBe('4 May 2026');
  });
  it('keeps local date-times (features pass "YYYY-MM-DDT12:00:00") as before', () => {
    expect(formatDate('2026-05-04T12:00:00', 'en-GB')).toBe('4 May 2026');
  });
});

describe('displayName: languages and countries in the chosen language', () => {
  it('names them, and falls back to the code', () => {
    expect(displayName('es', 'language', 'ca')).toBe('catalán');
    expect(displayName('fr', 'region', 'ES')).toBe('Espagne');
    expect(displayName('en', 'region', 'not a code')).toBe('not a code');
  });
});
