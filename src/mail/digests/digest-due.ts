import type { DigestPeriod } from '../queue/mail-jobs';

/** The hour, local to each city, at which digests go out (SPEC §3: 08:00; weekly on Mondays). */
export const DIGEST_HOUR = 8;

/**
 * The digests due at `now` in `timeZone`, each with its slot (the city's local date): daily during
 * the city's 08:00 hour, weekly too on a Monday. The tick runs every 15 minutes, so every zone
 * (also those 30 or 45 minutes off the hour) is seen during its 08:00 hour; the slot makes the four
 * ticks of that hour one digest.
 */
export function dueDigests(now: Date, timeZone: string): { period: DigestPeriod; slot: string }[] {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  if (Number(parts.hour) !== DIGEST_HOUR) return [];
  const slot = `${parts.year}-${parts.month}-${parts.day}`;
  return parts.weekday === 'Mon'
    ? [
        { period: 'daily', slot },
        { period: 'weekly', slot },
      ]
    : [{ period: 'daily', slot }];
}
