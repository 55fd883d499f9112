/** The time units of `$dateAdd`, `$densify`, `$setWindowFields` range windows and `$derivative`/`$integral`. */

/** The fixed-length units, in milliseconds. */
export const UNIT_MS: Readonly<Record<string, number>> = {
  millisecond: 1,
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};
const UNIT_MONTHS: Readonly<Record<string, number>> = { month: 1, quarter: 3, year: 12 };

export const isTimeUnit = (unit: unknown): unit is string =>
  typeof unit === 'string' && (Object.hasOwn(UNIT_MS, unit) || Object.hasOwn(UNIT_MONTHS, unit));

/** `date` plus `amount` units as the server's dateAdd in UTC: fixed units as milliseconds; months, quarters and years on the calendar, the day clamped to the month's last. */
export function addTime(date: Date, unit: string, amount: number): Date {
  if (Object.hasOwn(UNIT_MS, unit)) return new Date(date.getTime() + amount * UNIT_MS[unit]);
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + amount * UNIT_MONTHS[unit]);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}
