import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { Decimal128, type Document } from 'bson';
import { CommandError, Code } from './errors';
import { valueType, wider, withType, type NumType } from './numeric-types';
import { addTime, isTimeUnit, UNIT_MS } from './time-units';
import { arithmetic, asDouble, bsonType, compareValues, isNumeric, isPlainObject, pathValues, plainNumber } from './values';

/**
 * The computations of `$setWindowFields`' window functions over values that keep their BSON types
 * (window-fields.ts reads the stage and finds each document's window). Result types follow the
 * server's two kinds of executors (checked against src/mongo/db/pipeline/window_function/
 * window_function_exec.cpp): a window whose lower bound is 'unbounded' runs the `$group`
 * accumulator (`$sum` typed by the widest value seen, as query.ts's), any other window a removable
 * function typed by what is in the window now (window_function_sum.cpp: an integral total is an
 * int32 when it fits, whatever the inputs' widths).
 */

type Num = Parameters<typeof arithmetic>[1];
const INT32_MAX = 0x7fffffff;

/** One partition's documents in window order, with what its functions need. */
export interface Partition {
  docs: Document[];
  sortBy: Document | undefined;
  options: Options;
}

export const typeName = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : v instanceof Date ? 'date' : typeof v);

export const isNullish = (v: unknown): boolean => v === null || v === undefined;

/** A running `$sum`/`$avg`/`$count`: exact for int64 and Decimal128 (values.ts), numeric values only. */
export class SumState {
  private total: Num = 0;
  private type: NumType = 'int';
  count = 0;
  private doubles = 0;
  private decimals = 0;

  add(v: unknown): void {
    if (!isNumeric(v)) return;
    const t = valueType(v)!;
    this.type = wider(this.type, t);
    if (t === 'double') this.doubles++;
    if (t === 'decimal') this.decimals++;
    this.total = plainNumber(arithmetic('add', this.total, v as Num)) as Num;
    this.count++;
  }

  /** `$sum` as `$group` gives it (left-unbounded windows). */
  grouped(): unknown {
    return withType(this.total, this.type);
  }

  /** `$sum` of a removable window: Decimal128 if one is in it, else a double if one is, else int32 when it fits. */
  removable(): unknown {
    if (this.decimals) return this.total;
    if (this.doubles) return asDouble(Number(this.total));
    const t = this.total;
    if (typeof t === 'bigint') return t >= -INT32_MAX - 1 && t <= INT32_MAX ? Number(t) : t;
    return typeof t === 'number' && Math.abs(t) > INT32_MAX && Number.isSafeInteger(t) ? BigInt(t) : t;
  }

  /** `$avg`: a double (null without numbers). */
  average(): unknown {
    if (this.decimals) throw new CommandError(Code.NotImplemented, '$avg over Decimal128 is not supported');
    return this.count ? asDouble(Number(this.total) / this.count) : null;
  }
}

/** A running `$stdDevPop`/`$stdDevSamp` (Welford, as the server's accumulator): a double, null for too few numbers. */
export class Spread {
  private n = 0;
  private mean = 0;
  private m2 = 0;

  add(v: unknown): void {
    if (!isNumeric(v)) return;
    const x = Number(bsonType(v) === 'Decimal128' ? String(v) : plainNumber(v));
    this.n++;
    const delta = x - this.mean;
    this.mean += delta / this.n;
    this.m2 += delta * (x - this.mean);
  }

  value(sample: boolean): unknown {
    if (this.n === 0 || (sample && this.n < 2)) return null;
    return asDouble(Math.sqrt(this.m2 / (sample ? this.n - 1 : this.n)));
  }
}

/** `n` of `$firstN`/`$lastN` (accumulator_multi.cpp's codes). */
export function validN(n: unknown): number {
  const v = plainNumber(n);
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new CommandError(5787902, "Value for 'n' must be of integral type");
  if (v < 1) throw new CommandError(5787908, "'n' must be greater than 0");
  return v;
}

// ---- time units --------------------------------------------------------------------------------

export function timeUnit(v: unknown): string {
  if (typeof v !== 'string') throw new CommandError(Code.FailedToParse, "'unit' must be a string");
  if (!isTimeUnit(v)) throw new CommandError(Code.FailedToParse, `unknown time unit value: ${v}`);
  return v;
}

/** A unit of `$derivative`/`$integral` in milliseconds: 'week' or smaller (window_function_expression.h). */
export function unitMillis(unit: string): number {
  if (!Object.hasOwn(UNIT_MS, unit)) throw new CommandError(5490710, "unit must be 'week' or smaller");
  return UNIT_MS[unit];
}

// ---- functions of neighbouring documents ---------------------------------------------------------

/** A number for `$derivative`/`$integral`/`$linearFill` arithmetic; Decimal128 is refused rather than rounded. */
function plain(v: unknown, name: string): number {
  if (bsonType(v) === 'Decimal128') throw new CommandError(Code.NotImplemented, `${name} over Decimal128 is not supported by mongo-memory`);
  if (v instanceof Date) return v.getTime();
  return Number(plainNumber(v));
}

/**
 * `$derivative` between the window's first and last documents (window_function_exec_derivative.cpp):
 * rise over run, per `unit` (then the sortBy values must be dates), a double; null for an empty
 * window or a zero run.
 */
export function derivative(x1: unknown, y1: unknown, x2: unknown, y2: unknown, unit: number | undefined): unknown {
  if (unit !== undefined) {
    if (!(x1 instanceof Date && x2 instanceof Date)) throw new CommandError(5624900, "$derivative with 'unit' expects the sortBy field to be a Date");
  } else {
    if (x1 instanceof Date || x2 instanceof Date) throw new CommandError(5624901, "$derivative where the sortBy is a Date requires an 'unit'");
    if (!isNumeric(x1) || !isNumeric(x2)) throw new CommandError(5624902, "$derivative (with no 'unit') expects the sortBy field to be numeric");
  }
  if (isNullish(y1) || isNullish(y2)) throw new CommandError(5624903, '$derivative input must not be null or missing');
  if (!isNumeric(y1) || !isNumeric(y2)) throw new CommandError(16556, "$derivative input can't be subtracted: it must be numeric");
  const run = plain(x2, '$derivative') - plain(x1, '$derivative');
  if (run === 0) return null;
  return asDouble(((plain(y2, '$derivative') - plain(y1, '$derivative')) / run) * (unit ?? 1));
}

/**
 * `$integral` over the window's points by the trapezoidal rule (window_function_integral.cpp): each
 * segment is a double; one point gives the empty sum, int32 0; null for an empty window.
 */
export function integral(points: [unknown, unknown][], unit: number | undefined): unknown {
  for (const [x, y] of points) {
    if (!isNumeric(y) || !(isNumeric(x) || x instanceof Date))
      throw new CommandError(
        5423900,
        'The input value of $integral window function must be a vector of 2 value, the first value must be numeric or date type and the second must be numeric.',
      );
    if (unit !== undefined && !(x instanceof Date))
      throw new CommandError(5423901, "$integral with 'outputUnit' expects the sortBy field to be a Date");
    if (unit === undefined && !isNumeric(x))
      throw new CommandError(5423902, "$integral (with no 'outputUnit') expects the sortBy field to be numeric");
  }
  if (points.length === 0) return null;
  let sum = 0;
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i - 1].map((v) => plain(v, '$integral'));
    const [x2, y2] = points[i].map((v) => plain(v, '$integral'));
    if ([x1, y1, x2, y2].some(Number.isNaN)) return NaN;
    sum += ((y1 + y2) * (x2 - x1)) / 2;
  }
  if (unit !== undefined) return asDouble(sum / unit);
  return points.length > 1 ? asDouble(sum) : 0;
}

/**
 * `$linearFill` of one partition (window_function_exec_linear_fill.cpp): a value that is not null is
 * kept as stored; a null between two known points is interpolated along the sortBy values (a
 * double); null before the first or after the last known point. Sort values may not repeat.
 */
export function linearFill(ys: unknown[], xs: unknown[]): unknown[] {
  const out: unknown[] = [];
  let prev: [number, number] | undefined;
  let lastX: unknown;
  for (let i = 0; i < ys.length; i++) {
    const y = ys[i];
    const x = xs[i];
    if (!isNullish(y) && !isNumeric(y))
      throw new CommandError(Code.TypeMismatch, `Value to be filled must be numeric or nullish, but found ${typeof y}`);
    if (!isNumeric(x) && !(x instanceof Date)) throw new CommandError(Code.TypeMismatch, 'Value of the sortBy field must be numeric or a date');
    if (i > 0 && compareValues(x, lastX) === 0) throw new CommandError(6050106, 'There can be no repeated values in the sort field');
    if (i > 0 && x instanceof Date !== lastX instanceof Date) throw new CommandError(Code.TypeMismatch, 'Conflicting sort value types');
    lastX = x;
    if (!isNullish(y)) {
      prev = [plain(x, '$linearFill'), plain(y, '$linearFill')];
      out.push(y);
      continue;
    }
    let next: [number, number] | undefined;
    for (let j = i + 1; j < ys.length && !next; j++)
      if (!isNullish(ys[j]) && !isNullish(xs[j])) next = [plain(xs[j], '$linearFill'), plain(ys[j], '$linearFill')];
    const gx = plain(x, '$linearFill');
    out.push(prev && next ? asDouble(prev[1] + (gx - prev[0]) * ((next[1] - prev[1]) / (next[0] - prev[0]))) : null);
  }
  return out;
}

/** `$locf` of one partition: the last value that is not null so far (null before the first one). */
export function locf(values: unknown[]): unknown[] {
  let last: unknown = null;
  return values.map((v) => (isNullish(v) ? last : (last = v)));
}

/**
 * `$expMovingAvg` of one partition (accumulator_exp_moving_avg.cpp): computed in Decimal128 as the
 * server does (alpha = 2 / (N + 1) to 34 digits, or the given alpha to 15), a double unless an input
 * is Decimal128; non-numbers are skipped, null before the first number.
 */
export function expMovingAvg(values: unknown[], spec: { n?: number; alpha?: number | Decimal128 }): unknown[] {
  const alpha =
    spec.n !== undefined
      ? Decimal128.fromStringWithRounding(`${(2n * 10n ** 40n) / BigInt(spec.n + 1)}E-40`)
      : bsonType(spec.alpha) === 'Decimal128'
        ? (spec.alpha as Decimal128)
        : Decimal128.fromString(Number(spec.alpha).toPrecision(15));
  const rest = arithmetic('add', 1, arithmetic('mul', alpha, -1));
  let current: Num | undefined;
  let decimal = false;
  return values.map((v) => {
    if (isNumeric(v)) {
      if (bsonType(v) === 'Decimal128') decimal = true;
      const x =
        bsonType(v) === 'Decimal128'
          ? (v as Decimal128)
          : Decimal128.fromString(typeof v === 'bigint' ? String(v) : Number(plainNumber(v)).toPrecision(34));
      current = current === undefined ? x : arithmetic('add', arithmetic('mul', x, alpha), arithmetic('mul', current, rest));
    }
    if (current === undefined) return null;
    return decimal ? current : asDouble(Number(String(current)));
  });
}

// ---- window bounds -------------------------------------------------------------------------------

export type Bound = 'unbounded' | 'current' | number;
export interface Bounds {
  kind: 'documents' | 'range';
  lower: Bound;
  upper: Bound;
  unit?: string;
}

/** A `window` specification (window_bounds.cpp: its checks and codes, in its order). */
export function parseBounds(window: unknown, sortBy: Document | undefined, options: Options): Bounds {
  if (!isPlainObject(window)) throw new CommandError(Code.FailedToParse, "'window' field must be an object");
  const { documents, range, unit } = window;
  const fields = Object.keys(window).length;
  if (documents !== undefined && range !== undefined)
    throw new CommandError(Code.FailedToParse, "Window bounds can specify either 'documents' or 'unit', not both.");
  if (range === undefined && unit !== undefined)
    throw new CommandError(Code.FailedToParse, "Window bounds can only specify 'unit' with range-based bounds.");
  if (range === undefined && documents === undefined) {
    if (fields)
      throw new CommandError(
        Code.FailedToParse,
        "'window' field can only contain 'documents' as the only argument or 'range' with an optional 'unit' field",
      );
    return { kind: 'documents', lower: 'unbounded', upper: 'unbounded' };
  }
  const pair = (documents ?? range) as unknown;
  if (fields !== (unit === undefined ? 1 : 2))
    throw new CommandError(
      Code.FailedToParse,
      `'window' field that specifies ${documents !== undefined ? 'documents' : 'range'} cannot have other fields`,
    );
  if (!Array.isArray(pair) || pair.length !== 2) throw new CommandError(Code.FailedToParse, 'Window bounds must be a 2-element array');
  if (unit !== undefined && typeof unit !== 'string') throw new CommandError(Code.FailedToParse, "'unit' must be a string");
  const kind = documents !== undefined ? 'documents' : 'range';
  const [lower, upper] = pair.map((b) => bound(b, kind, unit !== undefined, options));
  const at = (b: Bound) => (b === 'current' ? 0 : b);
  if (typeof at(lower) === 'number' && typeof at(upper) === 'number' && (at(lower) as number) > (at(upper) as number))
    throw new CommandError(5339900, `Lower bound must not exceed upper bound: [${String(lower)}, ${String(upper)}]`);
  const bounds: Bounds = { kind, lower, upper, ...(unit === undefined ? {} : { unit: unit as string }) };
  if (kind === 'documents') {
    if (!(lower === 'unbounded' && upper === 'unbounded') && !sortBy) throw new CommandError(5339901, 'Document-based bounds require a sortBy');
    return bounds;
  }
  if (bounds.unit !== undefined) timeUnit(bounds.unit);
  if (!sortBy || Object.keys(sortBy).length !== 1) throw new CommandError(5339902, 'Range-based bounds require sortBy a single field');
  if (plainNumber(Object.values(sortBy)[0]) !== 1) throw new CommandError(8947401, 'Range-based bounds require an ascending sortBy');
  return bounds;
}

function bound(b: unknown, kind: 'documents' | 'range', timed: boolean, options: Options): Bound {
  if (typeof b === 'string') {
    if (b === 'unbounded' || b === 'current') return b;
    throw new CommandError(Code.FailedToParse, "Window bounds must be 'unbounded', 'current', or a number.");
  }
  const v = plainNumber(evalExpr({}, b, options));
  const n = isNumeric(v) ? Number(typeof v === 'object' ? String(v) : v) : undefined;
  if (kind === 'documents' || timed) {
    if (n === undefined || !Number.isInteger(n))
      throw new CommandError(
        Code.FailedToParse,
        kind === 'documents' ? 'Numeric document-based bounds must be an integer' : "With 'unit', range-based bounds must be an integer",
      );
    return n;
  }
  if (n === undefined) throw new CommandError(Code.FailedToParse, 'Range-based bounds expression must be a number');
  return n;
}

/** Whether a function over these bounds is the server's non-removable kind (`$group`'s accumulator). */
export const leftUnbounded = (b: Bounds): boolean => b.lower === 'unbounded';

/**
 * Each document's window in a partition, as [first, last] indexes (first > last when empty).
 * Range windows follow partition_iterator.cpp: the current document's sortBy value must be a number
 * (a date with `unit`), 'current' is the document itself, a numeric bound the first or last
 * document whose value lies within it.
 */
export function windows(part: Partition, bounds: Bounds): [number, number][] {
  const n = part.docs.length;
  if (bounds.kind === 'documents') {
    return part.docs.map((_, i) => [
      bounds.lower === 'unbounded' ? 0 : Math.max(0, i + (bounds.lower === 'current' ? 0 : bounds.lower)),
      bounds.upper === 'unbounded' ? n - 1 : Math.min(n - 1, i + (bounds.upper === 'current' ? 0 : bounds.upper)),
    ]);
  }
  const xs = sortValues(part);
  const expected = (v: unknown) => (bounds.unit ? v instanceof Date : isNumeric(v));
  xs.forEach((x) => {
    if (bounds.unit && !(x instanceof Date))
      throw new CommandError(5429513, `Invalid range: Expected the sortBy field to be a Date, but it was ${typeName(x)}`);
    if (!bounds.unit && x instanceof Date)
      throw new CommandError(5429413, 'Invalid range: For windows that involve date or time ranges, a unit must be provided.');
    if (!expected(x)) throw new CommandError(5429414, `Invalid range: Expected the sortBy field to be a number, but it was ${typeName(x)}`);
  });
  const shifted = (x: unknown, by: number): unknown => (bounds.unit ? addTime(x as Date, bounds.unit, by) : addNumbers(x, by));
  // Sorted ascending: the first index whose value is not below `t`, and the last not above it.
  const firstFrom = (t: unknown) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareValues(xs[mid], t) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const lastUpTo = (t: unknown) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareValues(xs[mid], t) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  return xs.map((x, i) => [
    bounds.lower === 'unbounded' ? 0 : bounds.lower === 'current' ? i : firstFrom(shifted(x, bounds.lower)),
    bounds.upper === 'unbounded' ? n - 1 : bounds.upper === 'current' ? i : lastUpTo(shifted(x, bounds.upper)),
  ]);
}

/** The single sortBy field's value of each document (as `$field` evaluates: an array stays one). */
export function sortValues(part: Partition): unknown[] {
  const path = Object.keys(part.sortBy ?? {})[0];
  return part.docs.map((doc) => evalExpr(doc, `$${path}`, part.options));
}

/** The value a document's rank is computed from: its sort key for the first sortBy field (an array's smallest element ascending, largest descending). */
export function rankKeys(part: Partition): unknown[] {
  const [path, dir] = Object.entries(part.sortBy ?? {})[0];
  const d = plainNumber(dir) === -1 ? -1 : 1;
  return part.docs.map((doc) => {
    const values = pathValues(doc, path);
    let best: unknown = values.length ? values[0] : null;
    for (const v of values) if (compareValues(v, best) * d < 0) best = v;
    return best ?? null;
  });
}

function addNumbers(x: unknown, by: number): unknown {
  const v = plainNumber(x);
  return typeof v === 'bigint' && Number.isInteger(by) ? v + BigInt(by) : Number(typeof v === 'object' ? String(v) : v) + by;
}
