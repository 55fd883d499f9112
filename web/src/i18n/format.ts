import { useTranslation } from 'react-i18next';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "2 hours ago" in `language`, from the largest unit that fits. */
export function relativeTime(date: Date, now: Date, language: string): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
  return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(Math.round(seconds / size), unit);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date in `language`. A date-only string ("2026-05-04", OpenAPI `format: date`) is a calendar day,
 * not an instant: parsed as UTC midnight it would show as 3 May west of Greenwich, so it is shown as
 * that day in UTC. Anything else is an instant shown in `timeZone` (default: the browser's).
 */
export function formatDate(value: string | Date, language: string, timeZone?: string): string {
  const day = typeof value === 'string' ? DATE_ONLY.exec(value) : null;
  if (day) {
    const utc = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(utc);
  }
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone }).format(new Date(value));
}

/** Intl.DisplayNames, falling back to the code (an unknown or malformed code throws or gives nothing). */
export function displayName(language: string, type: 'language' | 'region', code: string): string {
  try {
    return new Intl.DisplayNames(language, { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Dates and numbers in the chosen language (Intl), for components. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return {
    language,
    number: (n: number) => new Intl.NumberFormat(language).format(n),
    dateTime: (iso: string | Date) => new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso)),
    /** An instant's day, or a date-only "YYYY-MM-DD" as that calendar day in every time zone. */
    date: (iso: string | Date) => formatDate(iso, language),
    relative: (iso: string | Date, now = new Date()) => relativeTime(new Date(iso), now, language),
    /** A language's name ("ca" → "catalán" in Spanish), the code itself when Intl does not know it. */
    languageName: (code: string) => displayName(language, 'language', code),
    /** A country's name from its ISO 3166-1 alpha-2 code ("ES" → "Espagne" in French). */
    regionName: (code: string) => displayName(language, 'region', code),
  };
}
