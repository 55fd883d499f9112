import type { FieldError } from './problem';

/**
 * Limits on the shape of any client body or query, checked before a DTO is built. class-transformer
 * and class-validator recurse and allocate per key: 60,000 unknown keys cost seconds of event loop
 * and 5,000 levels of nesting overflow the call stack. No route takes anything near these.
 */
export const INPUT_LIMITS = {
  /** Objects and arrays nested deeper than this are refused. */
  depth: 32,
  /** Keys of one object, or items of one array. */
  entries: 100,
  /** Keys and items of the whole input, all levels together. */
  total: 1_000,
  /** Field errors listed in one answer: enough to fix the input, small for a hostile one. */
  reported: 20,
} as const;

/** The message for an object or array over `INPUT_LIMITS.entries`. */
export function tooManyEntries(count: number, isArray: boolean): string {
  return `has ${count} ${isArray ? 'items' : 'fields'}; at most ${INPUT_LIMITS.entries} are accepted`;
}

/** The message for an input over `INPUT_LIMITS.total`. */
const TOO_MANY_IN_ALL = `holds more than ${INPUT_LIMITS.total} fields and items in all`;

/** Keys that replace or reach an object's prototype when client input is merged into an object. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Bidi embeddings and overrides (LRE, RLE, PDF, LRO, RLO): they reorder what follows, e.g. "txt.exe" shown as "exe.txt". */
const BIDI_CONTROLS = /[\u202A-\u202E]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one: not text in any encoding. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a string (a key or a value), if anything. */
function stringProblem(text: string): string | undefined {
  if (LONE_SURROGATE.test(text)) return 'holds an unpaired UTF-16 surrogate (ill-formed text): send well-formed UTF-8';
  if (BIDI_CONTROLS.test(text)) return 'holds a bidirectional embedding or override character (U+202A–U+202E), which can disguise text';
  return undefined;
}

/** What is wrong with a key, if anything; operator and prototype keys are hostile. */
function keyProblem(key: string): { message: string; hostile: boolean } | undefined {
  if (key.startsWith('$')) return { message: 'keys starting with "$" are not allowed', hostile: true };
  if (PROTOTYPE_KEYS.has(key)) return { message: `"${key}" is a reserved key and is not allowed`, hostile: true };
  const message = stringProblem(key);
  return message ? { message, hostile: false } : undefined;
}

/**
 * A problem found in client input. `hostile` ones (operator or prototype keys, nesting beyond
 * `depth`, more than `entries` keys at the top or `total` in all) are refused before anything else
 * looks at the input; the others belong to one field and are reported beside the DTO's errors.
 */
export interface InputProblem extends FieldError {
  hostile: boolean;
}

/**
 * Inspects a parsed body or query without recursion (its own stack: no depth overflows it) and
 * in time linear in its size, stopping at the first `INPUT_LIMITS.reported` problems:
 * - keys that MongoDB would read as operators (`$where`, `$gt`…) and prototype keys (`__proto__`,
 *   `constructor`, `prototype`), anywhere — DTO whitelisting sees only the levels it declares;
 * - nesting deeper than `depth`, more than `entries` keys or items in the input itself, more than
 *   `total` in all (named as `root`), one nested object or array larger than `entries` (named as its
 *   field; with `prune`, replaced by an empty one, so a DTO can be validated beside it cheaply);
 * - strings with lone surrogates or bidi overrides, in keys and values.
 * `root` names the whole input in errors: `body` or `query`.
 */
export function inspectInput(value: unknown, root = 'body', { prune = false } = {}): InputProblem[] {
  const found: InputProblem[] = [];
  const stack: Visit[] = [{ value, path: '', depth: 0 }];
  let total = 0;
  while (stack.length && found.length < INPUT_LIMITS.reported) {
    const { value: current, path, depth, parent, key: ownKey } = stack.pop()!;
    const field = path || root;
    if (typeof current === 'string') {
      const message = stringProblem(current);
      if (message) found.push({ field, message, hostile: false });
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= INPUT_LIMITS.depth) {
      found.push({ field, message: `nests deeper than ${INPUT_LIMITS.depth} levels`, hostile: true });
      continue;
    }
    const keys = Object.keys(current);
    if (keys.length > INPUT_LIMITS.entries) {
      found.push({ field, message: tooManyEntries(keys.length, Array.isArray(current)), hostile: depth === 0 });
      if (prune && parent) parent[ownKey!] = Array.isArray(current) ? [] : {};
      continue;
    }
    total += keys.length;
    if (total > INPUT_LIMITS.total) {
      return [{ field: root, message: TOO_MANY_IN_ALL, hostile: true }];
    }
    const children: Visit[] = [];
    const record = current as Record<string, unknown>;
    for (const key of keys) {
      const child = path ? `${path}.${key}` : key;
      const problem = Array.isArray(current) ? undefined : keyProblem(key);
      if (problem) found.push({ field: child, ...problem });
      else children.push({ value: record[key], path: child, depth: depth + 1, parent: record, key });
    }
    // Reversed onto the stack, so fields are reported in the order they were sent.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return found.slice(0, INPUT_LIMITS.reported);
}

interface Visit {
  value: unknown;
  path: string;
  depth: number;
  parent?: Record<string, unknown>;
  key?: string;
}

/** The field errors of problems, for an answer. */
export function asFieldErrors(problems: InputProblem[]): FieldError[] {
  return problems.map(({ field, message }) => ({ field, message }));
}
