import { Decimal128, Double, type Document } from 'bson';
import { CommandError } from './errors';
import { valueType } from './numeric-types';
import { sortDocuments } from './sort-order';
import { addTime, isTimeUnit, UNIT_MS } from './time-units';
import { arithmetic, bsonType, cloneValue, compareValues, isNumeric, isPlainObject, keyString, pathValues, setPath } from './values';

/**
 * `$densify` as the server runs it (checked against src/mongo/db/pipeline/document_source_densify.cpp):
 * a `$sort` on the partition fields (not for `bounds: 'full'`) and the field, then one pass that
 * keeps, per partition, the last value on the step. Documents with a null or missing field pass
 * through. A new value is the previous one plus the step with `$add`'s types (int32 + double is a
 * double, int32 overflow an int64); a document whose value is the next step takes its place, so
 * the next value is computed from it. Upper bounds are exclusive. With explicit `bounds` each
 * partition is filled up to the upper bound after the last document (and a partition with no
 * document in the range from the lower bound); with `full` each partition is filled over the
 * range of all documents; with `partition` only between a partition's documents.
 */

/** The server's internalQueryMaxAllowedDensifyDocs default. */
const MAX_GENERATED = 500_000;
const INT32_MAX = 0x7fffffff;

type Value = unknown;
interface Range {
  step: Value;
  unit?: string;
  bounds: 'full' | 'partition' | [Value, Value];
}

const bad = (code: number, message: string) => new CommandError(code, message);

/** `range`, checked as RangeStatement::parse does, with its codes. */
function parseRange(range: unknown): Range {
  if (!isPlainObject(range)) throw bad(14, "BSON field '$densify.range' is the wrong type, expected type 'object'");
  for (const k of Object.keys(range))
    if (!['step', 'unit', 'bounds'].includes(k)) throw bad(40415, `BSON field '$densify.range.${k}' is an unknown field.`);
  for (const k of ['step', 'bounds']) if (!(k in range)) throw bad(40414, `BSON field '$densify.range.${k}' is missing but a required field`);
  const step = range.step;
  if (!isNumeric(step) || compareValues(step, 0) <= 0)
    throw bad(5733401, 'The step parameter in a range statement must be a strictly positive numeric value');
  let unit: string | undefined;
  if (range.unit !== undefined) {
    if (!isWholeNumber(step)) throw bad(6586400, 'The step parameter in a range statement must be a whole number when densifying a date range');
    if (!isTimeUnit(range.unit)) throw bad(9, `unknown time unit value: ${String(range.unit)}`);
    unit = range.unit;
  }
  const b = range.bounds;
  if (Array.isArray(b)) {
    if (b.length !== 2) throw bad(5733403, 'A bounding array in a range statement must have exactly two elements');
    if (compareValues(b[0], b[1]) > 0) throw bad(5733402, 'A bounding array must be an ascending array of either two dates or two numbers');
    if (isNumeric(b[0])) {
      if (unit) throw bad(5733409, 'Numeric bounds may not have unit parameter');
      if (!isNumeric(b[1])) throw bad(5733406, 'A bounding array must contain either both dates or both numeric types');
      if (valueType(b[0]) !== valueType(b[1]) || valueType(b[0]) !== valueType(step))
        throw bad(5876900, 'Upper bound, lower bound, and step must all have the same type');
    } else if (b[0] instanceof Date) {
      if (!(b[1] instanceof Date)) throw bad(5733405, 'A bounding array must contain either both dates or both numeric types');
      if (!unit) throw bad(5733410, 'A bounding array of dates must specify a unit');
    } else throw bad(5946800, 'Explicit bounds must be numeric or dates');
    return { step, unit, bounds: [b[0], b[1]] };
  }
  if (typeof b === 'string') {
    if (b !== 'full' && b !== 'partition') throw bad(5946802, "Bounds string must either be 'full' or 'partition'");
    return { step, unit, bounds: b };
  }
  throw bad(5733404, "The bounds in a range statement must be the string 'full', 'partition', or an ascending array of two numbers or two dates");
}

function isWholeNumber(v: Value): boolean {
  if (typeof v === 'bigint') return true;
  const n = bsonType(v) === 'Decimal128' ? Number((v as Decimal128).toString()) : Number(bsonType(v) === 'Double' ? (v as Double).value : v);
  return Number.isInteger(n);
}

/** `$add` of two numbers with its result type (an int32 sum that overflows is an int64). */
function add(a: Value, b: Value): Value {
  const r = arithmetic('add', a as number, b as number);
  if (typeof r === 'number' && valueType(a) === 'int' && valueType(b) === 'int' && Math.abs(r) > INT32_MAX) return BigInt(r);
  return r;
}

const negate = (v: Value): Value =>
  typeof v === 'number'
    ? -v
    : typeof v === 'bigint'
      ? -v
      : bsonType(v) === 'Double'
        ? new Double(-(v as Double).value)
        : arithmetic('mul', v as Decimal128, -1);

const asNumber = (v: Value): number =>
  bsonType(v) === 'Decimal128' ? Number((v as Decimal128).toString()) : Number(bsonType(v) === 'Double' ? (v as Double).value : v);

export function densify(docs: Document[], spec: unknown): Document[] {
  if (!isPlainObject(spec)) throw bad(9, 'The $densify stage specification must be an object');
  for (const k of Object.keys(spec))
    if (!['field', 'partitionByFields', 'range'].includes(k)) throw bad(40415, `BSON field '$densify.${k}' is an unknown field.`);
  for (const k of ['field', 'range']) if (!(k in spec)) throw bad(40414, `BSON field '$densify.${k}' is missing but a required field`);
  if (typeof spec.field !== 'string') throw bad(14, "BSON field '$densify.field' is the wrong type 'int', expected type 'string'");
  const pf = spec.partitionByFields ?? [];
  if (!Array.isArray(pf) || pf.some((f) => typeof f !== 'string'))
    throw bad(14, "BSON field '$densify.partitionByFields' is the wrong type, expected type 'array' of strings");
  const range = parseRange(spec.range);
  const field: string = spec.field;
  const partitionFields = pf as string[];
  const partitioned = partitionFields.length > 0;
  if (range.bounds === 'partition' && !partitioned)
    throw bad(
      5733408,
      "One cannot specify the bounds as 'partition' without specifying a non-empty array of partitionByFields. You may have meant to specify 'full' bounds.",
    );

  const { step, unit } = range;
  const inc = (v: Value): Value => (v instanceof Date ? addTime(v, unit!, asNumber(step)) : add(v, step));
  const dec = (v: Value): Value => (v instanceof Date ? addTime(v, unit!, -asNumber(step)) : add(v, negate(step)));
  const cmp = compareValues;
  const onStep = (v: Value, base: Value): boolean => {
    if (!(v instanceof Date)) return (asNumber(v) - asNumber(base)) % asNumber(step) === 0;
    const ms = UNIT_MS[unit!];
    if (ms !== undefined) return (v.getTime() - (base as Date).getTime()) % (ms * asNumber(step)) === 0;
    let d = base as Date;
    while (d < v) d = addTime(d, unit!, asNumber(step));
    return d.getTime() === v.getTime();
  };
  const valueOf = (doc: Document): Value => {
    const v = pathValues(doc, field)[0];
    if (!(v instanceof Date) && !isNumeric(v)) throw bad(5733201, 'Densify field type must be numeric or a date');
    if (v instanceof Date !== !!unit)
      throw bad(
        6053600,
        v instanceof Date
          ? 'Encountered date densify value in collection when step does not have a date unit.'
          : 'Encountered numeric densify value in collection when step has a date unit.',
      );
    return v;
  };
  /** A document's partition: its partition fields' values (missing ones left out), as the server's `{f: '$f'}` object. */
  const partitionOf = (doc: Document): Document => {
    const part: Document = {};
    for (const f of partitionFields) {
      const v = pathValues(doc, f)[0];
      if (v !== undefined) setPath(part, f, cloneValue(v));
    }
    return part;
  };

  const sortSpec: Document = {};
  if (range.bounds !== 'full') for (const f of partitionFields) sortSpec[f] = 1;
  sortSpec[field] = 1;
  const sorted = sortDocuments(docs, sortSpec);

  const out: Document[] = [];
  let generated = 0;
  const emit = (part: Document | undefined, v: Value) => {
    if (++generated > MAX_GENERATED) throw bad(5897900, `Generated ${generated} documents in $densify, which is over the limit of ${MAX_GENERATED}.`);
    const doc = part ? cloneValue(part) : {};
    setPath(doc, field, v);
    out.push(doc);
  };
  /** Each partition's last value on the step (and its fields, for the documents generated after the input ends). */
  const table = new Map<string, { part: Document; last: Value }>();
  const remember = (doc: Document, v: Value) => {
    if (partitioned) table.set(keyString(partitionOf(doc)), { part: partitionOf(doc), last: v });
  };
  let state = 'first' as 'first' | 'next' | 'done';
  let tableStarted = false;
  let current: Value;
  let globalMin: Value;
  let globalMax: Value;
  const [lo, hi] = Array.isArray(range.bounds) ? range.bounds : [undefined, undefined];

  /** Values from `from` up to (not including) `to`, then `doc`; `current` follows them (explicit bounds: any value on the step). */
  const fill = (doc: Document, v: Value, from: Value, to: Value, explicit: boolean) => {
    const part = partitioned ? partitionOf(doc) : undefined;
    for (let g = from; cmp(g, to) < 0; g = inc(g)) {
      emit(part, g);
      current = g;
      remember(doc, g);
    }
    if (explicit ? onStep(v, current) : cmp(v, inc(current)) === 0) {
      current = v;
      remember(doc, v);
    }
    out.push(doc);
  };
  /** `full` and `partition`: fill between the last value and this one. */
  const between = (doc: Document, v: Value) => {
    const next = inc(current);
    if (cmp(v, next) === 0) {
      remember(doc, v);
      current = v;
    }
    if (cmp(v, next) <= 0) return out.push(doc);
    fill(doc, v, next, v, false);
  };
  /** Explicit bounds: a value above the lower bound, the step after `current` not reached. */
  const aboveLower = (doc: Document, v: Value) => {
    const next = inc(current);
    if (cmp(v, next) === 0) {
      remember(doc, v);
      current = next;
      return out.push(doc);
    }
    fill(doc, v, next, cmp(v, hi) < 0 ? v : hi, true);
    state = cmp(current, hi) >= 0 && !partitioned ? 'done' : 'next';
  };
  const firstInRange = (doc: Document, v: Value) => {
    if (current === undefined) current = dec(lo);
    const c = cmp(v, lo);
    if (c < 0) return out.push(doc); // below the range: still waiting for the range's first value
    if (c === 0) {
      state = 'next';
      current = v;
      return out.push(doc);
    }
    aboveLower(doc, v);
  };
  const nextInRange = (doc: Document, v: Value) => {
    if (cmp(v, lo) < 0) {
      remember(doc, v);
      state = 'first';
      return out.push(doc);
    }
    if (cmp(v, lo) === 0) {
      remember(doc, v);
      current = v;
      return out.push(doc);
    }
    const next = inc(current);
    if (cmp(v, hi) < 0) {
      if (cmp(v, next) === 0) {
        current = v;
        remember(doc, v);
        return out.push(doc);
      }
      if (cmp(v, next) < 0) return out.push(doc);
      return aboveLower(doc, v);
    }
    if (cmp(next, hi) >= 0) {
      current = next;
      remember(doc, v);
      if (!partitioned) state = 'done';
      return out.push(doc);
    }
    aboveLower(doc, v);
  };

  for (const doc of sorted) {
    const raw = pathValues(doc, field)[0];
    if (raw === null || raw === undefined || state === 'done') {
      out.push(doc);
      continue;
    }
    const v = valueOf(doc);
    const key = partitioned ? keyString(partitionOf(doc)) : '';
    if (state === 'first') {
      if (partitioned && !tableStarted) {
        tableStarted = true;
        remember(doc, v);
      }
      if (range.bounds === 'full') {
        current = globalMin = globalMax = v;
        state = 'next';
        out.push(doc);
      } else if (range.bounds === 'partition') {
        state = 'next';
        out.push(doc);
      } else firstInRange(doc, v);
      continue;
    }
    if (range.bounds === 'full') {
      if (partitioned) {
        globalMax = v;
        if (!table.has(key)) {
          // A new partition starts at the smallest value of all.
          current = dec(globalMin);
          remember(doc, v);
        } else current = table.get(key)!.last;
      }
      between(doc, v);
    } else if (range.bounds === 'partition') {
      if (!table.has(key)) {
        remember(doc, v);
        out.push(doc);
      } else {
        current = table.get(key)!.last;
        between(doc, v);
      }
    } else {
      if (partitioned) {
        if (!table.has(key)) {
          remember(doc, v);
          current = undefined;
          firstInRange(doc, v);
          continue;
        }
        current = table.get(key)!.last;
      }
      nextInRange(doc, v);
    }
  }

  // After the last document.
  /** The server's DocGenerator: its first value always, then the steps below `to`. */
  const generate = (part: Document | undefined, from: Value, to: Value) => {
    let g = from;
    do {
      emit(part, g);
      g = inc(g);
    } while (cmp(g, to) < 0);
  };
  const finishPartitions = (max: Value, min?: Value) => {
    for (const { part, last } of table.values()) {
      const g = inc(last);
      if (cmp(g, max) >= 0) continue;
      generate(part, min !== undefined && cmp(g, min) < 0 ? min : g, max);
    }
  };
  if (range.bounds === 'full') {
    if (partitioned && table.size) finishPartitions(onStep(globalMax, current) ? inc(globalMax) : globalMax);
  } else if (Array.isArray(range.bounds) && state !== 'done') {
    if (partitioned && tableStarted) finishPartitions(hi, lo);
    // No document in the range's field at all: the whole range (its lower bound even when equal to the upper).
    else if (current === undefined) generate(undefined, lo, hi);
    else if (cmp(inc(current), hi) < 0) generate(undefined, inc(current), hi);
  }
  return out;
}
