import type { FieldError } from './problem';

/** Keys that replace or reach an object's prototype when client input is merged into an object. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Enough to say what is wrong; a hostile body may hold thousands of such keys. */
const MAX_REPORTED = 20;

/**
 * Finds keys no client input may hold, anywhere in a parsed body or query:
 * - keys that MongoDB would read as operators (`$where`, `$gt`…), so no client value can turn
 *   into a query operator;
 * - `__proto__`, `constructor` and `prototype`, which pollute prototypes when merged (and which
 *   Nest's ValidationPipe would otherwise strip without a word, letting the request through).
 * DTO whitelisting catches unknown top-level fields; this also covers nested objects and
 * free-form values. Walks with its own stack, so no nesting depth escapes it or overflows it.
 */
export function findForbiddenKeys(value: unknown): FieldError[] {
  const found: FieldError[] = [];
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length && found.length < MAX_REPORTED) {
    const [current, path] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    for (const key of Object.keys(current)) {
      const field = path ? `${path}.${key}` : key;
      if (key.startsWith('$')) found.push({ field, message: 'keys starting with "$" are not allowed' });
      else if (PROTOTYPE_KEYS.has(key)) found.push({ field, message: `"${key}" is a reserved key and is not allowed` });
      else stack.push([(current as Record<string, unknown>)[key], field]);
    }
  }
  return found.slice(0, MAX_REPORTED);
}
