import { InvalidInputError } from '@app/domain';

/**
 * Value rules of project input (→ 400 with the field named). The DTOs check shapes first; these
 * checks hold whatever the caller, and return the value the aggregate keeps (trimmed, deduplicated).
 */

/** Maximum lengths, in characters, after trimming. The DTOs may reuse them. */
export const PROJECT_LIMITS = {
  title: 200,
  summary: 2000,
  description: 20000,
  message: 2000,
  updateText: 5000,
  outcome: 5000,
  reason: 2000,
} as const;

/** The text and id rules every aggregate shares. */
export { optionalText, requiredId, requiredText } from '../../shared/text-input';

/** A non-empty list of reference ids (fields, SDGs…), duplicates dropped, order kept. */
export function referenceList<T>(field: string, values: unknown, isValid: (value: unknown) => value is T, what: string): T[] {
  if (!Array.isArray(values) || values.length === 0) throw new InvalidInputError(field, `${field} must list at least one ${what}`);
  const invalid = values.find((value) => !isValid(value));
  if (invalid !== undefined) throw new InvalidInputError(field, `${field}: ${JSON.stringify(invalid)} is not a known ${what}`);
  return [...new Set(values as T[])];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(T.+)?$/;

/**
 * A calendar date `YYYY-MM-DD`. A full ISO 8601 date-time is accepted too and kept as the date it
 * was written with (`2025-03-01T23:00:00-05:00` → `2025-03-01`): a project starts on a day, not at
 * an instant, and converting to UTC would move it.
 */
export function calendarDate(field: string, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (!match) throw new InvalidInputError(field, `${field} must be a date YYYY-MM-DD`);
  const [, y, m, d, time] = match;
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const real = day.getUTCFullYear() === Number(y) && day.getUTCMonth() === Number(m) - 1 && day.getUTCDate() === Number(d);
  if (!real || (time !== undefined && Number.isNaN(Date.parse(value as string)))) {
    throw new InvalidInputError(field, `${field}: ${String(value)} is not a valid date`);
  }
  return `${y}-${m}-${d}`;
}

/** `YYYY-MM-DD` strings compare correctly as text. */
export function assertDateRange(startDate: string | null, endDate: string | null): void {
  if (startDate && endDate && endDate < startDate) {
    throw new InvalidInputError('endDate', `endDate (${endDate}) must not be before startDate (${startDate})`);
  }
}
