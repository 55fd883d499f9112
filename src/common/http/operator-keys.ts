import type { FieldError } from './problem';

/**
 * Finds keys that MongoDB would read as operators (`$where`, `$gt`…) anywhere in client input.
 * DTO whitelisting catches unknown top-level fields; this also covers nested objects and free-form
 * values, so no client value can turn into a query operator.
 */
export function findOperatorKeys(value: unknown, path = '', found: FieldError[] = [], depth = 0): FieldError[] {
  if (depth > 32 || value === null || typeof value !== 'object') return found;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const field = path ? `${path}.${key}` : key;
    if (key.startsWith('$')) found.push({ field, message: 'keys starting with "$" are not allowed' });
    else findOperatorKeys(child, field, found, depth + 1);
  }
  return found;
}
