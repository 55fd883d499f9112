import { describe, expect, it } from 'vitest';
import { relativeTime } from './format';

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
