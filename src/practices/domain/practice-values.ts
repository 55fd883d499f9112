import { InvalidInputError } from '@app/domain';
import { checkedText, requiredText } from '../../shared/text-input';
import type { PracticeLink } from './practice-state';

/**
 * Value rules of practice and exchange input (→ 400 naming the field). The DTOs check shapes
 * first; these hold whatever the caller, and return the value the aggregate keeps (trimmed,
 * deduplicated, normalized).
 */

/** Maximum lengths, in characters, after trimming. The DTOs reuse them. */
export const PRACTICE_LIMITS = {
  title: 200,
  summary: 2000,
  body: 50_000,
  outcomes: 10_000,
  tag: 40,
  tags: 20,
  links: 20,
  linkTitle: 200,
  url: 2000,
  comment: 5000,
  reason: 2000,
  message: 2000,
  feedback: 5000,
} as const;

/** The text and id rules every aggregate shares. */
export { optionalText, requiredId, requiredText } from '../../shared/text-input';

/** One reference id (a creative field, an action area…). */
export function referenceId<T>(field: string, value: unknown, isValid: (value: unknown) => value is T, what: string): T {
  if (!isValid(value)) throw new InvalidInputError(field, `${field}: ${JSON.stringify(value)} is not a known ${what}`);
  return value;
}

/** A list of reference ids, duplicates dropped, order kept; `min` 1 makes it non-empty. */
export function referenceList<T>(field: string, values: unknown, isValid: (value: unknown) => value is T, what: string, min = 0): T[] {
  if (!Array.isArray(values)) throw new InvalidInputError(field, `${field} must be a list of ${what}s`);
  if (values.length < min) throw new InvalidInputError(field, `${field} must list at least ${min} ${what}`);
  const invalid = values.find((value) => !isValid(value));
  if (invalid !== undefined) throw new InvalidInputError(field, `${field}: ${JSON.stringify(invalid)} is not a known ${what}`);
  return [...new Set(values as T[])];
}

/**
 * Tags as keywords: trimmed, inner spaces collapsed, lower case, duplicates dropped. Lower case so
 * that `?tag=Heritage` and `?tag=heritage` find the same practices (see `normalizeTag`).
 */
export function tagList(field: string, values: unknown): string[] {
  if (!Array.isArray(values)) throw new InvalidInputError(field, `${field} must be a list of texts`);
  if (values.length > PRACTICE_LIMITS.tags) throw new InvalidInputError(field, `${field} must hold at most ${PRACTICE_LIMITS.tags} tags`);
  const tags = values.map((value, i) => {
    if (typeof value !== 'string') throw new InvalidInputError(`${field}.${i}`, `${field}.${i} must be a text`);
    const tag = normalizeTag(value);
    if (tag === '') throw new InvalidInputError(`${field}.${i}`, `${field}.${i} must not be blank`);
    return checkedText(`${field}.${i}`, tag, PRACTICE_LIMITS.tag);
  });
  return [...new Set(tags)];
}

export const normalizeTag = (tag: string): string => tag.trim().replace(/\s+/g, ' ').toLowerCase();

/** Links to further material: each a title and an absolute http(s) URL. */
export function linkList(field: string, values: unknown): PracticeLink[] {
  if (values === undefined || values === null) return [];
  if (!Array.isArray(values)) throw new InvalidInputError(field, `${field} must be a list of {title, url}`);
  if (values.length > PRACTICE_LIMITS.links) throw new InvalidInputError(field, `${field} must hold at most ${PRACTICE_LIMITS.links} links`);
  return values.map((value, i) => {
    const link = (value ?? {}) as { title?: unknown; url?: unknown };
    if (typeof value !== 'object' || value === null) throw new InvalidInputError(`${field}.${i}`, `${field}.${i} must be {title, url}`);
    return { title: requiredText(`${field}.${i}.title`, link.title, PRACTICE_LIMITS.linkTitle), url: httpUrl(`${field}.${i}.url`, link.url) };
  });
}

/** An absolute `http:` or `https:` URL with a host; other schemes (javascript:, data:, ftp:) are refused. */
export function httpUrl(field: string, value: unknown): string {
  const text = requiredText(field, value, PRACTICE_LIMITS.url);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidInputError(field, `${field} must be an absolute http(s) URL`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '' || /\s/.test(text)) {
    throw new InvalidInputError(field, `${field} must be an absolute http(s) URL`);
  }
  return text;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date `YYYY-MM-DD`. */
export function calendarDate(field: string, value: unknown): string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (!match) throw new InvalidInputError(field, `${field} must be a date YYYY-MM-DD`);
  const [, y, m, d] = match.map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) {
    throw new InvalidInputError(field, `${field}: ${String(value)} is not a valid date`);
  }
  return value as string;
}

/** An integer rating from 1 to 5. */
export function rating(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
    throw new InvalidInputError(field, `${field} must be an integer from 1 to 5`);
  }
  return value;
}
