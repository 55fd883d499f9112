import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import type { Decimal128, Document } from 'bson';
import { CommandError, Code } from './errors';
import { sortDocuments } from './sort-order';
import { compareValues, isNumeric, isPlainObject, keyString, plainNumber } from './values';
import {
  expMovingAvg,
  derivative,
  integral,
  isNullish,
  leftUnbounded,
  linearFill,
  locf,
  parseBounds,
  rankKeys,
  sortValues,
  Spread,
  SumState,
  typeName,
  unitMillis,
  timeUnit,
  validN,
  windows,
  type Bounds,
  type Partition,
} from './window-operators';

/**
 * `$setWindowFields` of our own (#20), over documents that keep their BSON types. mingo's runs its
 * window operators through `$function`, which this server refuses, so the stage did not run at all.
 * As on a server (checked against src/mongo/db/pipeline/document_source_set_window_fields.cpp,
 * window_function/window_bounds.cpp, partition_iterator.cpp): documents are sorted by partition, then
 * `sortBy` (unsorted without either); null and missing partition together; every output is computed
 * from the documents as they came in, then set at its (dotted) path; a missing result leaves the
 * field out. What the functions compute is window-operators.ts's; which ones are ours, and which
 * answer 238, is WINDOW_FUNCTIONS and NOT_IMPLEMENTED below.
 */

const FIELDS = new Set(['partitionBy', 'sortBy', 'output']);

export function setWindowFields(docs: Document[], spec: unknown, options: Options): Document[] {
  if (!isPlainObject(spec))
    throw new CommandError(Code.FailedToParse, `the $setWindowFields stage specification must be an object, found ${typeName(spec)}`);
  for (const k of Object.keys(spec)) if (!FIELDS.has(k)) throw new CommandError(40415, `BSON field '$setWindowFields.${k}' is an unknown field.`);
  for (const k of ['sortBy', 'output'])
    if (spec[k] !== undefined && !isPlainObject(spec[k]))
      throw new CommandError(
        Code.TypeMismatch,
        `BSON field '$setWindowFields.${k}' is the wrong type '${typeName(spec[k])}', expected type 'object'`,
      );
  if (spec.output === undefined) throw new CommandError(40414, "BSON field '$setWindowFields.output' is missing but a required field");
  const sortBy = spec.sortBy as Document | undefined;
  const outputs = Object.entries(spec.output as Document);
  checkPaths(outputs.map(([path]) => path));
  const functions = outputs.map(([path, fn]) => ({ path, fn: windowFunction(fn, sortBy, options) }));

  let rows = docs.map((doc) => ({ p: spec.partitionBy === undefined ? null : partitionKey(evalExpr(doc, spec.partitionBy, options)), doc }));
  if (spec.partitionBy !== undefined || sortBy) {
    const sortFields = Object.fromEntries(Object.entries(sortBy ?? {}).map(([f, dir]) => [`doc.${f}`, plainNumber(dir)]));
    rows = sortDocuments(rows, spec.partitionBy === undefined ? sortFields : { p: 1, ...sortFields }) as typeof rows;
  }
  const partitions = new Map<string, Document[]>();
  for (const { p, doc } of rows) {
    const k = keyString(p);
    const part = partitions.get(k);
    if (part) part.push(doc);
    else partitions.set(k, [doc]);
  }
  for (const part of partitions.values()) {
    const partition: Partition = { docs: part, sortBy, options };
    // Every result first: the functions read the documents as they came in.
    const results = functions.map(({ fn }) => fn(partition));
    part.forEach((doc, i) => functions.forEach(({ path }, f) => setPath(doc, path, results[f][i])));
  }
  return rows.map((r) => r.doc);
}

/** The partition value: never an array; missing is null, and fields that evaluate to missing are left out of a document. */
function partitionKey(v: unknown): unknown {
  if (Array.isArray(v)) throw new CommandError(Code.TypeMismatch, 'An expression used to partition cannot evaluate to value of type array');
  return withoutMissing(v) ?? null;
}

function withoutMissing(v: unknown): unknown {
  if (!isPlainObject(v)) return v;
  return Object.fromEntries(Object.entries(v).flatMap(([k, x]) => (x === undefined ? [] : [[k, withoutMissing(x)]])));
}

/** Output paths: no `$` field names, none the prefix of another (error 6307900). */
function checkPaths(paths: string[]): void {
  for (const path of paths) {
    if (path.split('.').some((p) => p.startsWith('$') || p === ''))
      throw new CommandError(16410, `FieldPath field names may not start with '$' or be empty: ${path}`);
  }
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i] === sorted[i - 1] || sorted[i].startsWith(sorted[i - 1] + '.'))
      throw new CommandError(6307900, "$setWindowFields 'output' specification contains two conflicting paths");
}

/**
 * Sets an output as `$addFields` does (the server adds the outputs with one): through an array, in
 * each element, an element that is not a document becoming one; a missing value removes the field.
 */
function setPath(doc: Document, path: string, value: unknown): void {
  setIn(doc, path.split('.'), value);
}

function setIn(at: Document, parts: string[], value: unknown): void {
  const [p, ...rest] = parts;
  if (!rest.length) {
    if (value === undefined) delete at[p];
    else at[p] = value;
    return;
  }
  const next = at[p];
  if (Array.isArray(next)) {
    at[p] = next.map((el) => {
      const d: Document = isPlainObject(el) ? el : {};
      setIn(d, rest, value);
      return d;
    });
    return;
  }
  if (!isPlainObject(next)) at[p] = {};
  setIn(at[p] as Document, rest, value);
}

// ---- window functions ----------------------------------------------------------------------------

/** A window function bound to its arguments: one result per document of a partition, in order. */
type WindowFn = (part: Partition) => unknown[];
type Parser = (spec: Document, name: string, sortBy: Document | undefined, options: Options) => WindowFn;

/** Window functions a server has that this one does not compute: 238 rather than an approximation. */
const NOT_IMPLEMENTED = new Set(['$covariancePop', '$covarianceSamp', '$median', '$percentile', '$concatArrays', '$setUnion', '$minMaxScalar']);

type Evaluation = Options & { update(locals: { root?: unknown; groupId?: unknown }): Options };
/** Options for a `$group`-style accumulator over documents (as pipeline-stages.ts's `accumulated`). */
const groupOptions = (options: Options): Options =>
  (options.constructor as unknown as { init(o: Options): Evaluation }).init(options).update({ root: null, groupId: null });

const parseError = (message: string) => new CommandError(Code.FailedToParse, message);
const evaluate = (part: Partition, expr: unknown) => part.docs.map((doc) => evalExpr(doc, expr, part.options));
const constant = (expr: unknown, options: Options) => evalExpr({}, expr, options);

/** Reads `{<name>: arg, window?}`; returns the bounds (default: the whole partition). */
function accumulatorBounds(spec: Document, name: string, sortBy: Document | undefined, options: Options): Bounds {
  let bounds: Bounds = { kind: 'documents', lower: 'unbounded', upper: 'unbounded' };
  for (const k of Object.keys(spec)) {
    if (k === 'window') bounds = parseBounds(spec.window, sortBy, options);
    else if (k !== name)
      throw parseError(
        k in WINDOW_FUNCTIONS ? 'Cannot specify two functions in window function spec' : `Window function found an unknown argument: ${k}`,
      );
  }
  return bounds;
}

/** Rejects a `window` (and any other argument) for the functions that take none. */
function noWindow(spec: Document, name: string): void {
  for (const k of Object.keys(spec)) {
    if (k === 'window') throw parseError(`'window' field is not allowed in ${name}`);
    if (k !== name) throw parseError(`Window function found an unknown argument: ${k}`);
  }
}

/**
 * An accumulator over each window: left-unbounded windows run one state forward over the partition
 * (linear: the upper end only moves forward), others start a state per window.
 */
function accumulate<S>(
  bounds: Bounds,
  init: () => S,
  add: (s: S, v: unknown) => void,
  result: (s: S, removable: boolean) => unknown,
  input: (part: Partition) => unknown[],
): WindowFn {
  return (part) => {
    const values = input(part);
    const ranges = windows(part, bounds);
    if (leftUnbounded(bounds)) {
      const s = init();
      let k = -1;
      return ranges.map(([, hi]) => {
        while (k < hi) add(s, values[++k]);
        return result(s, false);
      });
    }
    return ranges.map(([lo, hi]) => {
      const s = init();
      for (let j = lo; j <= hi; j++) add(s, values[j]);
      return result(s, true);
    });
  };
}

const summing =
  (result: (s: SumState, removable: boolean) => unknown, count = false): Parser =>
  (spec, name, sortBy, options) => {
    if (count && !(isPlainObject(spec[name]) && Object.keys(spec[name]).length === 0))
      throw parseError('$count only accepts an empty object as input');
    const bounds = accumulatorBounds(spec, name, sortBy, options);
    const input = (part: Partition) => (count ? part.docs.map(() => 1) : evaluate(part, spec[name]));
    return accumulate(
      bounds,
      () => new SumState(),
      (s, v) => s.add(v),
      result,
      input,
    );
  };

/** An accumulator of each window's input values (a state per window, or one running state). */
const accumulating =
  <S>(init: () => S, add: (s: S, v: unknown) => void, result: (s: S) => unknown): Parser =>
  (spec, name, sortBy, options) =>
    accumulate(accumulatorBounds(spec, name, sortBy, options), init, add, result, (part) => evaluate(part, spec[name]));

const extremeOf = (sign: 1 | -1) =>
  accumulating(
    () => ({ best: undefined as unknown }),
    (s, v) => {
      if (!isNullish(v) && (s.best === undefined || compareValues(v, s.best) * sign > 0)) s.best = v;
    },
    (s) => s.best ?? null,
  );

const spreadOf = (sample: boolean) =>
  accumulating(
    () => new Spread(),
    (s, v) => s.add(v),
    (s) => s.value(sample),
  );

/** `$first`/`$last`: the input at the window's first or last document (null for an empty window; missing stays missing). */
const endpoint =
  (last: boolean): Parser =>
  (spec, name, sortBy, options) => {
    const bounds = accumulatorBounds(spec, name, sortBy, options);
    return (part) => windows(part, bounds).map(([lo, hi]) => (lo > hi ? null : evalExpr(part.docs[last ? hi : lo], spec[name], part.options)));
  };

/** `$firstN`/`$lastN` ({input, n}): the first or last n inputs of the window, missing as null. */
const firstOrLastN =
  (last: boolean): Parser =>
  (spec, name, sortBy, options) => {
    const arg = spec[name] as Document;
    if (!isPlainObject(arg) || !('n' in arg) || !('input' in arg)) throw parseError(`${name} requires 'n' and 'input'`);
    const bounds = accumulatorBounds(spec, name, sortBy, options);
    const n = validN(constant(arg.n, options));
    return (part) => {
      const values = evaluate(part, arg.input).map((v) => v ?? null);
      return windows(part, bounds).map(([lo, hi]) =>
        lo > hi ? [] : last ? values.slice(Math.max(lo, hi + 1 - n), hi + 1) : values.slice(lo, Math.min(hi + 1, lo + n)),
      );
    };
  };

/** `$maxN`/`$minN`/`$top`/`$topN`/`$bottom`/`$bottomN`: the pipeline's own accumulator over the window's documents. */
const groupAccumulator: Parser = (spec, name, sortBy, options) => {
  const bounds = accumulatorBounds(spec, name, sortBy, options);
  const many = name.endsWith('N');
  return (part) => {
    const group = groupOptions(part.options);
    return windows(part, bounds).map(([lo, hi]) =>
      lo > hi ? (many ? [] : null) : evalExpr(part.docs.slice(lo, hi + 1), { [name]: spec[name] }, group),
    );
  };
};

/** `$rank`, `$denseRank`, `$documentNumber` (accumulator_rank.cpp): int32, over the single sortBy field's sort keys. */
const ranking =
  (kind: 'rank' | 'dense' | 'number'): Parser =>
  (spec, name, sortBy) => {
    if (Object.keys(spec).length !== 1) throw new CommandError(5371601, 'Rank style window functions take no other arguments');
    if (!isPlainObject(spec[name]) || Object.keys(spec[name]).length)
      throw new CommandError(5371603, `${name} must be specified with '{}' as the value`);
    if (!sortBy || Object.keys(sortBy).length !== 1)
      throw new CommandError(5371602, `${name} must be specified with a top level sortBy expression with exactly one element`);
    return (part) => {
      const keys = kind === 'number' ? [] : rankKeys(part);
      let rank = 0;
      return part.docs.map((_, i) => {
        const same = i > 0 && kind !== 'number' && ((isNullish(keys[i]) && isNullish(keys[i - 1])) || keyString(keys[i]) === keyString(keys[i - 1]));
        if (!same) rank = kind === 'dense' ? rank + 1 : i + 1;
        return rank;
      });
    };
  };

/** `$shift` ({output, by, default}; window_function_shift.cpp): the output of the document `by` places away, else the default. */
const shift: Parser = (spec, name, sortBy, options) => {
  const arg = spec[name] as Document;
  for (const k of Object.keys(spec)) {
    if (k === 'window') throw parseError("$shift does not accept a 'window' field");
    if (k !== name) throw parseError(`Window function found an unknown argument: ${k}`);
  }
  if (!isPlainObject(arg)) throw parseError('Argument to $shift must be an object');
  for (const k of Object.keys(arg)) if (!['output', 'by', 'default'].includes(k)) throw parseError('Unknown argument in $shift');
  if (!('output' in arg)) throw parseError("$shift requires an 'output' expression.");
  const by = plainNumber(arg.by);
  if (!('by' in arg)) throw parseError("$shift requires 'by' as an integer value.");
  if (typeof by !== 'number' || !Number.isInteger(by) || Math.abs(by) > 0x7fffffff)
    throw parseError(`'$shift:by' field must be an integer, but found ${String(by)}`);
  const fallback = 'default' in arg ? constant(arg.default, options) : null;
  if (!sortBy) throw parseError("'$shift' requires a sortBy");
  return (part) =>
    part.docs.map((_, i) => (i + by >= 0 && i + by < part.docs.length ? evalExpr(part.docs[i + by], arg.output, part.options) : fallback));
};

/** Checks of `$derivative`/`$integral`: a single sortBy field (window_function_expression.h's validateSortBy), `{input, unit?}`. */
function withUnit(spec: Document, name: string, sortBy: Document | undefined, options: Options) {
  if (!sortBy) throw parseError(`${name} requires a sortBy`);
  if (Object.keys(sortBy).length !== 1) throw parseError(`${name} requires a non-compound sortBy`);
  let bounds: Bounds | undefined;
  for (const k of Object.keys(spec)) {
    if (k === 'window') bounds = parseBounds(spec.window, sortBy, options);
    else if (k !== name) throw parseError(`${name} got unexpected argument: ${k}`);
  }
  const arg = spec[name] as Document;
  if (!isPlainObject(arg)) throw parseError(`${name} expects an object, but got a ${typeName(arg)}`);
  for (const k of Object.keys(arg)) if (k !== 'input' && k !== 'unit') throw parseError(`${name} got unexpected argument: ${k}`);
  if (!('input' in arg)) throw parseError(`${name} requires an 'input' expression`);
  const unit = arg.unit === undefined ? undefined : unitMillis(timeUnit(arg.unit));
  return { bounds, unit, input: arg.input };
}

const derivativeFn: Parser = (spec, name, sortBy, options) => {
  const { bounds, unit, input } = withUnit(spec, name, sortBy, options);
  if (!bounds) throw parseError('$derivative requires explicit window bounds');
  return (part) => {
    const xs = sortValues(part);
    const ys = evaluate(part, input);
    return windows(part, bounds).map(([lo, hi]) => (lo > hi ? null : derivative(xs[lo], ys[lo], xs[hi], ys[hi], unit)));
  };
};

const integralFn: Parser = (spec, name, sortBy, options) => {
  const { bounds, unit, input } = withUnit(spec, name, sortBy, options);
  const window = bounds ?? { kind: 'documents', lower: 'unbounded', upper: 'unbounded' };
  return (part) => {
    const xs = sortValues(part);
    const ys = evaluate(part, input);
    return windows(part, window).map(([lo, hi]) =>
      integral(
        xs.slice(lo, hi + 1).map((x, j) => [x, ys[lo + j]]),
        unit,
      ),
    );
  };
};

/** `$expMovingAvg` ({input, N | alpha}; window_function_expression.cpp's checks). */
const expMovingAvgFn: Parser = (spec, name, sortBy) => {
  const arg = spec[name] as Document;
  if (Object.keys(spec).length !== 1 || !isPlainObject(arg)) throw parseError('$expMovingAvg must have exactly one argument that is an object');
  if (Object.keys(arg).length !== 2 || !('input' in arg))
    throw parseError("$expMovingAvg sub object must have exactly two fields: An 'input' field, and either an 'N' field or an 'alpha' field");
  if (!sortBy) throw parseError("$expMovingAvg requires an explicit 'sortBy'");
  let params: { n?: number; alpha?: number | Decimal128 };
  if ('N' in arg) {
    const n = plainNumber(arg.N);
    const v = typeof n === 'bigint' ? Number(n) : typeof n === 'number' ? n : undefined;
    if (v === undefined) throw parseError(`'N' field must be an integer, but found type ${typeName(n)}`);
    if (!Number.isInteger(v))
      throw parseError(`'N' field must be an integer, but found  ${v}. To use a non-integer, use the 'alpha' argument instead`);
    if (v <= 0) throw parseError(`'N' must be greater than zero. Got ${v}`);
    params = { n: v };
  } else if ('alpha' in arg) {
    const a = plainNumber(arg.alpha);
    if (!isNumeric(a)) throw parseError("'alpha' must be a number");
    const x = Number(typeof a === 'object' ? String(a) : a);
    if (!(x > 0 && x < 1)) throw parseError(`'alpha' must be between 0 and 1 (exclusive), found ${x}`);
    params = { alpha: typeof a === 'object' ? (a as Decimal128) : x };
  } else {
    throw parseError("Got unrecognized field in $expMovingAvg: it needs an 'N' field or an 'alpha' field");
  }
  return (part) => expMovingAvg(evaluate(part, arg.input), params);
};

const WINDOW_FUNCTIONS: Record<string, Parser> = {
  $sum: summing((s, removable) => (removable ? s.removable() : s.grouped())),
  $count: summing((s, removable) => (removable ? s.removable() : s.grouped()), true),
  $avg: summing((s) => s.average()),
  $min: extremeOf(-1),
  $max: extremeOf(1),
  // Values are never missing in the server's lists ($push skips them).
  $push: accumulating(
    () => [] as unknown[],
    (s, v) => v !== undefined && s.push(v),
    (s) => [...s],
  ),
  $addToSet: accumulating(
    () => new Map<string, unknown>(),
    (s, v) => v !== undefined && !s.has(keyString(v)) && s.set(keyString(v), v),
    (s) => [...s.values()],
  ),
  $stdDevPop: spreadOf(false),
  $stdDevSamp: spreadOf(true),
  $first: endpoint(false),
  $last: endpoint(true),
  $firstN: firstOrLastN(false),
  $lastN: firstOrLastN(true),
  $maxN: groupAccumulator,
  $minN: groupAccumulator,
  $top: groupAccumulator,
  $topN: groupAccumulator,
  $bottom: groupAccumulator,
  $bottomN: groupAccumulator,
  $rank: ranking('rank'),
  $denseRank: ranking('dense'),
  $documentNumber: ranking('number'),
  $shift: shift,
  $locf: (spec, name) => {
    noWindow(spec, name);
    return (part) => locf(evaluate(part, spec[name]));
  },
  $linearFill: (spec, name, sortBy) => {
    noWindow(spec, name);
    if (!sortBy || Object.keys(sortBy).length !== 1)
      throw new CommandError(605001, `${name} must be specified with a top level sortBy expression with exactly one element`);
    return (part) => linearFill(evaluate(part, spec[name]), sortValues(part));
  },
  $derivative: derivativeFn,
  $integral: integralFn,
  $expMovingAvg: expMovingAvgFn,
};

/** An output's window function (window_function_expression.cpp's Expression::parse: the first `$`-prefixed field names it). */
function windowFunction(spec: unknown, sortBy: Document | undefined, options: Options): WindowFn {
  const keys = isPlainObject(spec) ? Object.keys(spec) : [];
  const name = keys.find((k) => k.startsWith('$'));
  if (!name) throw parseError(`Expected a $-prefixed window function${keys.length ? `, ${keys[0]}` : ''}`);
  if (NOT_IMPLEMENTED.has(name)) throw new CommandError(Code.NotImplemented, `${name} is not supported by mongo-memory in $setWindowFields`);
  const parser = WINDOW_FUNCTIONS[name];
  if (!parser) throw parseError(`Unrecognized window function, ${name}`);
  return parser(spec as Document, name, sortBy, options);
}
