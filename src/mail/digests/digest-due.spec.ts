import { dueDigests } from './digest-due';

describe('dueDigests', () => {
  it('is due during the 08:00 hour local to the city, daily, and weekly too on Mondays', () => {
    // 2026-11-30 is a Monday; Madrid is UTC+1 in winter.
    expect(dueDigests(new Date('2026-11-30T07:00:00Z'), 'Europe/Madrid')).toEqual([
      { period: 'daily', slot: '2026-11-30' },
      { period: 'weekly', slot: '2026-11-30' },
    ]);
    expect(dueDigests(new Date('2026-12-01T07:45:00Z'), 'Europe/Madrid')).toEqual([{ period: 'daily', slot: '2026-12-01' }]);
    expect(dueDigests(new Date('2026-12-01T08:00:00Z'), 'Europe/Madrid')).toEqual([]);
    expect(dueDigests(new Date('2026-12-01T06:59:59Z'), 'Europe/Madrid')).toEqual([]);
  });

  it('follows summer time and zones off the hour, and names the local date (not UTC’s)', () => {
    expect(dueDigests(new Date('2026-07-01T06:30:00Z'), 'Europe/Madrid')).toEqual([{ period: 'daily', slot: '2026-07-01' }]);
    // Kathmandu is UTC+5:45: 08:00 local is 02:15 UTC; the 02:15 and 02:30 ticks are in its 08:00 hour.
    expect(dueDigests(new Date('2026-12-01T02:15:00Z'), 'Asia/Kathmandu')).toHaveLength(1);
    expect(dueDigests(new Date('2026-12-01T02:00:00Z'), 'Asia/Kathmandu')).toEqual([]);
    // Auckland (UTC+13 in December): Monday 08:00 there is Sunday 19:00 UTC.
    expect(dueDigests(new Date('2026-11-29T19:00:00Z'), 'Pacific/Auckland')).toEqual([
      { period: 'daily', slot: '2026-11-30' },
      { period: 'weekly', slot: '2026-11-30' },
    ]);
  });
});
