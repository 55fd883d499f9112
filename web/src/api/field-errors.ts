import type { Problem } from './problem';

export interface FieldErrors {
  /** Messages by form field, in the order of the form's fields. */
  byField: Record<string, string[]>;
  /** Messages that name no field of this form (shown in the summary only). */
  other: string[];
  /** The first form field with an error, to focus. */
  first: string | null;
}

/**
 * Maps a problem+json `errors[]` onto a form's fields. The API names nested values by path
 * ("location.lat", "partners[0].cityId", "partners.0.cityId"): each goes to the form field that is
 * the longest prefix of its path, else to `other`. A problem without `errors` gives its detail as
 * `other`, so nothing the API said is lost.
 */
export function fieldErrors(problem: Problem | null | undefined, formFields: readonly string[]): FieldErrors {
  const byField: Record<string, string[]> = {};
  const other: string[] = [];
  if (!problem) return { byField, other, first: null };
  const entries = problem.errors ?? [];
  for (const entry of entries) {
    const message = entry.message?.trim() || problem.title;
    const field = entry.field ? owningField(entry.field, formFields) : null;
    if (field) (byField[field] ??= []).push(message);
    else other.push(entry.field ? `${entry.field}: ${message}` : message);
  }
  if (entries.length === 0) other.push(problem.detail || problem.title);
  const first = formFields.find((f) => byField[f]) ?? null;
  return { byField, other, first };
}

function owningField(path: string, formFields: readonly string[]): string | null {
  const segments = path
    .replace(/\[(\w+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  for (let n = segments.length; n > 0; n--) {
    const candidate = segments.slice(0, n).join('.');
    if (formFields.includes(candidate)) return candidate;
  }
  return null;
}
