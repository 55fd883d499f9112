import { InvalidInputError } from '@app/domain';
import { controlCharacterIn, controlCharacterMessage } from './text';

/**
 * Value rules of texts and ids in commands (→ 400 naming the field), shared by the aggregates:
 * whatever the caller sent, they return the value to keep (trimmed) or refuse it.
 */

export function requiredText(field: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidInputError(field, `${field} must be a non-empty text`);
  return checkedText(field, value.trim(), max);
}

/** `undefined`, `null` and blank all mean "none", which is `null` (as stored and shown). */
export function optionalText(field: string, value: unknown, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new InvalidInputError(field, `${field} must be a text`);
  const trimmed = value.trim();
  return trimmed === '' ? null : checkedText(field, trimmed, max);
}

/** A trimmed text at most `max` characters long, without control characters. */
export function checkedText(field: string, value: string, max: number): string {
  if (value.length > max) throw new InvalidInputError(field, `${field} must be at most ${max} characters long`);
  const found = controlCharacterIn(value);
  if (found) throw new InvalidInputError(field, controlCharacterMessage(field, found));
  return value;
}

export function requiredId(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidInputError(field, `${field} must be a non-empty id`);
  return value.trim();
}
