import { evalExpr } from 'mingo/core';
import * as accumulators from 'mingo/operators/accumulator';
import type { AnyObject, Options } from 'mingo/types';
import type { Document } from 'bson';
import { CommandError } from './errors';
import { sortDocuments } from './sort-order';
import { numberOf } from './granularity';
import { compareValues, isPlainObject, keyString, withPlainNumbers } from './values';

/**
 * Operators that compare, order or pick values, over values that keep their BSON types (#20): the
 * set expressions, `$sortArray`, `$maxN`/`$minN`, `$top`/`$topN`/`$bottom`/`$bottomN`. mingo's
 * versions tell a number from a `Double` (5 and 5.0 would be two set elements), so they only ever
 * saw plain copies and handed back plain numbers. These compare by the server's order and equality
 * (compareValues, keyString) and return the values themselves. Null operands, non-array operands,
 * a bad `n`, and ties are as in the server's expression.cpp and accumulator_multi.cpp (checked
 * there, error codes too). What they do not read (a wrong arity, a malformed specification) goes to
 * the fallback: mingo on plain numbers, which answers the error.
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
const isNullish = (v: unknown) => v === null || v === undefined;
/** One of each value, in the server's order (its ordered ValueSet: the first of equal values inserted stays). */
const ordered = (values: unknown[]) => distinct(values).sort(compareValues);

/**
 * The set expressions over their evaluated operands, as expression.cpp evaluates them: operands
 * checked in order, null for a null or missing operand where the server answers null, else its
 * error; `$setUnion` and `$setIntersection` come out sorted (the server builds an ordered set),
 * `$setDifference` in the first operand's order. Undefined when the arity is not theirs (the
 * fallback answers: the server rejects it when parsing).
 */
const SET_OPS: Record<string, (operands: unknown[]) => unknown> = {
  $setUnion: (operands) => {
    for (const a of operands) {
      if (isNullish(a)) return null;
      if (!Array.isArray(a)) throw new CommandError(17043, 'All operands of $setUnion must be arrays.');
    }
    return ordered((operands as unknown[][]).flat(1));
  },
  $setIntersection: (operands) => {
    let current: unknown[] | undefined;
    for (const a of operands) {
      if (isNullish(a)) return null;
      if (!Array.isArray(a)) throw new CommandError(17047, 'All operands of $setIntersection must be arrays.');
      if (current === undefined) current = ordered(a);
      else if (current.length) {
        // The server keeps the smaller of the two sets' elements (its values, when equal ones differ in type).
        let next = ordered(a);
        if (current.length > next.length) [current, next] = [next, current];
        const keys = keySet(next);
        current = current.filter((v) => keys.has(keyString(v)));
      }
    }
    return current ?? [];
  },
  $setDifference: (operands) => {
    if (operands.length !== 2) return undefined;
    const [a, b] = operands;
    if (isNullish(a) || isNullish(b)) return null;
    if (!Array.isArray(a)) throw new CommandError(17048, 'both operands of $setDifference must be arrays. First argument is not an array');
    if (!Array.isArray(b)) throw new CommandError(17049, 'both operands of $setDifference must be arrays. Second argument is not an array');
    const remove = keySet(b);
    return distinct(a).filter((v) => !remove.has(keyString(v)));
  },
  $setEquals: (operands) => {
    if (operands.length < 2) return undefined;
    const sets = operands.map((a, i) => {
      if (!Array.isArray(a)) throw new CommandError(17044, `All operands of $setEquals must be arrays. ${i + 1}-th argument is not an array`);
      return keySet(a);
    });
    return sets.slice(1).every((keys) => keys.size === sets[0].size && [...keys].every((k) => sets[0].has(k)));
  },
  $setIsSubset: (operands) => {
    if (operands.length !== 2) return undefined;
    const [a, b] = operands;
    if (!Array.isArray(a)) throw new CommandError(17046, 'both operands of $setIsSubset must be arrays. First argument is not an array');
    if (!Array.isArray(b)) throw new CommandError(17042, 'both operands of $setIsSubset must be arrays. Second argument is not an array');
    return within(a, keySet(b));
  },
};

/** `n` of `$maxN`/`$topN`...: a positive integer (AccumulatorN::validateN in accumulator_multi.cpp). */
function count(obj: AnyObject, expr: unknown, options: Options): number {
  const v = evalExpr(obj, expr, options);
  const n = numberOf(v);
  if (n === undefined) throw new CommandError(5787902, `Value for 'n' must be of integral type, but found ${JSON.stringify(v) ?? 'missing'}`);
  if (!Number.isInteger(n)) throw new CommandError(5787903, `Value for 'n' must be of integral type, but found ${n}`);
  if (n < 1) throw new CommandError(5787908, `'n' must be greater than 0, found ${n}`);
  return n;
}

/**
 * `$maxN` (sign 1) / `$minN` (-1) as the server's multiset keeps them: nulls and missing left out; a
 * value enters when the set has room or when it beats the worst one kept (a tie does not); out
 * come `$minN`'s ascending and `$maxN`'s descending, equal values of `$maxN` in reverse arrival.
 */
function extremes(values: unknown[], n: number, sign: 1 | -1): unknown[] {
  const kept: unknown[] = []; // ascending, equal values in arrival order
  for (const v of values) {
    if (isNullish(v)) continue;
    if (kept.length === n) {
      if (sign === 1 ? compareValues(kept[0], v) < 0 : compareValues(kept[kept.length - 1], v) > 0) kept.splice(sign === 1 ? 0 : kept.length - 1, 1);
      else continue;
    }
    let at = kept.length;
    while (at > 0 && compareValues(kept[at - 1], v) > 0) at--;
    kept.splice(at, 0, v);
  }
  return sign === 1 ? kept.reverse() : kept;
}

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

/**
 * `$top`/`$bottom` (one value) and `$topN`/`$bottomN` (a list), as AccumulatorTopBottomN keeps its
 * multimap: the group's documents in arrival order, each entering when there is room or when it
 * sorts strictly before the last kept (top) / after the first kept (bottom); ties keep what is
 * there. A missing `output` is null.
 */
function ranked(end: 'top' | 'bottom', many: boolean, fallback: AccFn): AccFn {
  return (coll, expr, options) => {
    const spec = expr as Document;
    if (!isPlainObject(spec) || !isPlainObject(spec.sortBy)) return fallback(coll, expr, options);
    const n = many ? count({}, spec.n, options) : 1;
    const sortBy = direction(spec.sortBy) as Document;
    // $sort's order of two documents (a stable sort of the pair moves one only when it sorts first).
    const compare = (a: Document, b: Document) => (sortDocuments([b, a], sortBy)[0] === a ? -1 : sortDocuments([a, b], sortBy)[0] === b ? 1 : 0);
    const kept: Document[] = []; // sortBy order, ties in arrival order
    for (const doc of coll as Document[]) {
      if (kept.length === n) {
        if (end === 'top' ? compare(kept[kept.length - 1], doc) > 0 : compare(doc, kept[0]) > 0) kept.splice(end === 'top' ? kept.length - 1 : 0, 1);
        else continue;
      }
      let at = kept.length;
      while (at > 0 && compare(kept[at - 1], doc) > 0) at--;
      kept.splice(at, 0, doc);
    }
    const out = (push(kept, spec.output, options) as unknown[]).map((v) => (v === undefined ? null : v));
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

/** `$firstN` (1) / `$lastN` (-1) over a group: `input` of the first or last n documents, null for missing (nulls are kept). */
const endsOfGroup =
  (end: 1 | -1, fallback: AccFn): AccFn =>
  (coll, expr, options) => {
    const spec = expr as Document;
    if (!isPlainObject(spec)) return fallback(coll, expr, options);
    const n = count({}, spec.n, options);
    const docs = end === 1 ? coll.slice(0, n) : coll.slice(Math.max(0, coll.length - n));
    return (push(docs, spec.input, options) as unknown[]).map((v) => (v === undefined ? null : v));
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
    $firstN: endsOfGroup(1, fallback('$firstN')),
    $lastN: endsOfGroup(-1, fallback('$lastN')),
  };
}

/** The expressions above; `fallback(name)` answers what they leave (null, wrong types: the error). */
export function orderedExpressions(fallback: (name: string) => ExprFn, accumulator: Record<string, AccFn>): Record<string, ExprFn> {
  const out: Record<string, ExprFn> = {};
  for (const [name, op] of Object.entries(SET_OPS)) {
    const other = fallback(name);
    out[name] = (obj, expr, options) => {
      if (Array.isArray(obj) || !Array.isArray(expr)) return other(obj, expr, options);
      const result = op(expr.map((e) => evalExpr(obj, e, options)));
      return result === undefined ? other(obj, expr, options) : result;
    };
  }
  const sortArrayFallback = fallback('$sortArray');
  out.$sortArray = (obj, expr, options) => {
    const spec = expr as Document;
    if (Array.isArray(obj)) return sortArrayFallback(obj, expr, options);
    if (!isPlainObject(spec)) throw new CommandError(2942500, '$sortArray requires an object as an argument');
    const sortBy = direction(spec.sortBy);
    const valid = sortBy === 1 || sortBy === -1 || (isPlainObject(sortBy) && Object.keys(sortBy).length > 0);
    if (!valid || spec.input === undefined) return sortArrayFallback(obj, expr, options);
    // expression.cpp: a null or missing input is null, another non-array error 2942504.
    const input = evalExpr(obj, spec.input, options);
    if (isNullish(input)) return null;
    if (!Array.isArray(input)) throw new CommandError(2942504, `The input argument to $sortArray must be an array, but was of type: ${typeof input}`);
    return sortArray(input, sortBy);
  };
  // The array forms: 'n' checked first (5787902/5787903/5787908), then an array input (5788200, null
  // too; accumulator_multi.cpp evaluateAccumulatorN); the values as stored.
  const picks: Record<string, (input: unknown[], n: number) => unknown[]> = {
    $maxN: (input, n) => extremes(input, n, 1),
    $minN: (input, n) => extremes(input, n, -1),
    $firstN: (input, n) => input.slice(0, n),
    $lastN: (input, n) => input.slice(Math.max(0, input.length - n)),
  };
  for (const [name, pick] of Object.entries(picks)) {
    const other = fallback(name);
    out[name] = (obj, expr, options) => {
      if (Array.isArray(obj)) return accumulator[name](obj, expr, options);
      const spec = expr as Document;
      if (!isPlainObject(spec) || spec.n === undefined || spec.input === undefined) return other(obj, expr, options);
      const n = count(obj, spec.n, options);
      const input = evalExpr(obj, spec.input, options);
      if (!Array.isArray(input)) throw new CommandError(5788200, 'Input must be an array');
      return pick(input, n);
    };
  }
  return out;
}
