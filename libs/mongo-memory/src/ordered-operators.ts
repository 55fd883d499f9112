import { evalExpr } from 'mingo/core';
import * as accumulators from 'mingo/operators/accumulator';
import type { AnyObject, Options } from 'mingo/types';
import type { Document } from 'bson';
import { CommandError } from './errors';
import { sortDocuments } from './sort-order';
import { compareValues, isPlainObject, keyString, plainNumber, withPlainNumbers } from './values';

/**
 * Operators that compare, order or pick values, over values that keep their BSON types (#20): the
 * set expressions, `$sortArray`, `$maxN`/`$minN`, `$top`/`$topN`/`$bottom`/`$bottomN`. mingo's
 * versions tell a number from a `Double` (5 and 5.0 would be two set elements), so they only ever
 * saw plain copies and handed back plain numbers. These compare by the server's order and equality
 * (compareValues, keyString) and return the values themselves. Anything they do not handle (an
 * argument that is not an array, null) goes to the fallback: mingo on plain numbers, which answers
 * null or the error.
 */

type ExprFn = (obj: AnyObject, expr: unknown, options: Options) => unknown;
type AccFn = (coll: AnyObject[], expr: unknown, options: Options) => unknown;

const push = accumulators.$push as AccFn;

/** One of each value equal as the server compares them (5, 5.0 and Long(5) are one), the first one seen kept. */
function distinct(values: unknown[]): unknown[] {
  const seen = new Map<string, unknown>();
  for (const v of values) {
    const k = keyString(v);
    if (!seen.has(k)) seen.set(k, v);
  }
  return [...seen.values()];
}

const keySet = (values: unknown[]) => new Set(values.map(keyString));
const within = (values: unknown[], keys: Set<string>) => values.every((v) => keys.has(keyString(v)));

/** The set expressions over evaluated arrays; `undefined` when the arity is not theirs (the fallback answers). */
const SET_OPS: Record<string, (arrays: unknown[][]) => unknown> = {
  $setUnion: (arrays) => distinct(arrays.flat(1)),
  $setIntersection: (arrays) => {
    if (arrays.length === 0) return [];
    const others = arrays.slice(1).map(keySet);
    return distinct(arrays[0]).filter((v) => others.every((keys) => keys.has(keyString(v))));
  },
  $setDifference: (arrays) => {
    if (arrays.length !== 2) return undefined;
    const remove = keySet(arrays[1]);
    return distinct(arrays[0]).filter((v) => !remove.has(keyString(v)));
  },
  $setEquals: (arrays) => {
    if (arrays.length < 2) return undefined;
    const first = keySet(arrays[0]);
    return arrays.slice(1).every((a) => {
      const keys = keySet(a);
      return keys.size === first.size && [...keys].every((k) => first.has(k));
    });
  },
  $setIsSubset: (arrays) => (arrays.length === 2 ? within(arrays[0], keySet(arrays[1])) : undefined),
};

const NULL_WHEN_NULLISH = new Set(['$setUnion', '$setIntersection', '$setDifference']);

/** `n` of `$maxN`/`$topN`...: a positive integer (codes of the server's accumulator_multi). */
function count(obj: AnyObject, expr: unknown, options: Options): number {
  const n = plainNumber(evalExpr(obj, expr, options));
  if (typeof n === 'bigint') return Number(n);
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new CommandError(5787902, "Value for 'n' must be of integral type");
  if (n < 1) throw new CommandError(5787908, "'n' must be greater than 0");
  return n;
}

/** The n largest (sign 1) or smallest (-1) non-null values, in that order. */
const extremes = (values: unknown[], n: number, sign: 1 | -1): unknown[] =>
  values
    .filter((v) => v !== null && v !== undefined)
    .sort((a, b) => compareValues(b, a) * sign)
    .slice(0, n);

/** A sort direction or `sortBy` document as written (a `Double` 1 is 1). */
const direction = (spec: unknown) => withPlainNumbers(spec) as number | Document;

function sortArray(values: unknown[], sortBy: number | Document): unknown[] {
  if (typeof sortBy === 'number') return [...values].sort((a, b) => compareValues(a, b) * sortBy);
  // Elements that are not documents have no fields: they sort as null.
  const rows = values.map((v) => ({ v, doc: isPlainObject(v) ? v : {} }));
  const byDoc = new Map(rows.map((r) => [r.doc, r]));
  return sortDocuments(
    rows.map((r) => r.doc),
    sortBy,
  ).map((d) => byDoc.get(d)!.v);
}

/** `$top`/`$bottom` (one value) and `$topN`/`$bottomN` (a list): the group's documents in `sortBy` order, `output` of the first or last n. */
function ranked(end: 'top' | 'bottom', many: boolean, fallback: AccFn): AccFn {
  return (coll, expr, options) => {
    const spec = expr as Document;
    if (!isPlainObject(spec) || !isPlainObject(spec.sortBy)) return fallback(coll, expr, options);
    const n = many ? count({}, spec.n, options) : 1;
    const sorted = sortDocuments(coll as Document[], direction(spec.sortBy) as Document);
    const picked = end === 'top' ? sorted.slice(0, n) : sorted.slice(Math.max(0, sorted.length - n));
    const out = push(picked, spec.output, options) as unknown[];
    return many ? out : (out[0] ?? null);
  };
}

/** `$maxN`/`$minN` over a group: the values of `input`, nulls and missing left out. */
const extremesOfGroup =
  (sign: 1 | -1, fallback: AccFn): AccFn =>
  (coll, expr, options) => {
    const spec = expr as Document;
    if (!isPlainObject(spec)) return fallback(coll, expr, options);
    return extremes(push(coll, spec.input, options) as unknown[], count({}, spec.n, options), sign);
  };

/** The accumulators above; `fallback(name)` is the one to use for a form they do not handle. */
export function orderedAccumulators(fallback: (name: string) => AccFn): Record<string, AccFn> {
  return {
    $top: ranked('top', false, fallback('$top')),
    $topN: ranked('top', true, fallback('$topN')),
    $bottom: ranked('bottom', false, fallback('$bottom')),
    $bottomN: ranked('bottom', true, fallback('$bottomN')),
    $maxN: extremesOfGroup(1, fallback('$maxN')),
    $minN: extremesOfGroup(-1, fallback('$minN')),
  };
}

/** The expressions above; `fallback(name)` answers what they leave (null, wrong types: the error). */
export function orderedExpressions(fallback: (name: string) => ExprFn, accumulator: Record<string, AccFn>): Record<string, ExprFn> {
  const out: Record<string, ExprFn> = {};
  for (const [name, op] of Object.entries(SET_OPS)) {
    const other = fallback(name);
    out[name] = (obj, expr, options) => {
      if (Array.isArray(obj)) return other(obj, expr, options);
      const values = evalExpr(obj, expr, options);
      if (!Array.isArray(values)) return other(obj, expr, options);
      // A null or missing operand makes the union, intersection and difference null (the others require arrays).
      if (NULL_WHEN_NULLISH.has(name) && values.some((v) => v === null || v === undefined) && values.every((v) => v == null || Array.isArray(v)))
        return null;
      const result = values.every(Array.isArray) ? op(values as unknown[][]) : undefined;
      return result === undefined ? other(obj, expr, options) : result;
    };
  }
  const sortArrayFallback = fallback('$sortArray');
  out.$sortArray = (obj, expr, options) => {
    const spec = expr as Document;
    if (Array.isArray(obj) || !isPlainObject(spec)) return sortArrayFallback(obj, expr, options);
    const input = evalExpr(obj, spec.input, options);
    const sortBy = direction(spec.sortBy);
    const valid = sortBy === 1 || sortBy === -1 || (isPlainObject(sortBy) && Object.keys(sortBy).length > 0);
    return Array.isArray(input) && valid ? sortArray(input, sortBy) : sortArrayFallback(obj, expr, options);
  };
  for (const [name, sign] of [
    ['$maxN', 1],
    ['$minN', -1],
  ] as const) {
    const other = fallback(name);
    out[name] = (obj, expr, options) => {
      if (Array.isArray(obj)) return accumulator[name](obj, expr, options);
      const spec = expr as Document;
      const input = isPlainObject(spec) ? evalExpr(obj, spec.input, options) : undefined;
      return Array.isArray(input) ? extremes(input, count(obj, spec.n, options), sign) : other(obj, expr, options);
    };
  }
  return out;
}
