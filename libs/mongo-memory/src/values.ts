import { Decimal128, Double, type Binary, type Document, type ObjectId, type Timestamp } from 'bson';
import { CommandError, Code } from './errors';

/**
 * BSON value semantics that mingo gets wrong or does not have: the cross-type sort order, numeric
 * equality across int32/double/int64/Decimal128, exact int64 and decimal arithmetic, and a
 * canonical string per value so that hash-map indexes find equal values of different types.
 * In memory, int32 and double are numbers, int64 is bigint and Decimal128 stays Decimal128.
 */

/** The `_bsontype` tag of bson's value classes (ObjectId, Decimal128, Binary...). */
export const bsonType = (v: unknown): string | undefined => (v as { _bsontype?: string } | null | undefined)?._bsontype;

export const isPlainObject = (v: unknown): v is Document => {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

export const isNumeric = (v: unknown): v is number | bigint | Decimal128 | Double =>
  typeof v === 'number' || typeof v === 'bigint' || bsonType(v) === 'Decimal128' || bsonType(v) === 'Double';

/**
 * A double with an integral value written by a client stays a bson `Double` (a JS number would be
 * sent back as an int32); every other int32 and double is a number. Arithmetic results that are
 * doubles by MongoDB's promotion rules become `Double` when integral, for the same reason.
 */
export const isDouble = (v: unknown): boolean => bsonType(v) === 'Double' || (typeof v === 'number' && !Number.isInteger(v));

/** The plain number of a `Double`; any other value unchanged. */
export const plainNumber = <T>(v: T): T | number => (bsonType(v) === 'Double' ? (v as unknown as Double).value : v);

/** `value` as a double: a `Double` when integral (so that it stays BSON type 1), else the number. */
export const asDouble = (value: number): number | Double => (Number.isInteger(value) && !Object.is(value, -0) ? new Double(value) : value);

/** A copy without `Double`s (the same object when there are none), for mingo, which only knows numbers. */
export function withPlainNumbers<T>(v: T): T {
  if (bsonType(v) === 'Double') return (v as unknown as Double).value as T;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    v.forEach((x, i) => {
      const y = withPlainNumbers(x);
      if (y !== x) (out ??= [...v])[i] = y;
    });
    return (out ?? v) as T;
  }
  if (isPlainObject(v)) {
    let out: Document | undefined;
    for (const k of Object.keys(v)) {
      const y = withPlainNumbers(v[k]);
      if (y !== v[k]) {
        out ??= cloneValue(v);
        out[k] = y;
      }
    }
    return (out ?? v) as T;
  }
  return v;
}

/** Ranks of bson's value classes in MongoDB's cross-type order (see typeRank). */
const CLASS_RANK: Record<string, number> = {
  MinKey: 1,
  Double: 3,
  Decimal128: 3,
  BSONSymbol: 4,
  Binary: 7,
  ObjectId: 8,
  Timestamp: 11,
  BSONRegExp: 12,
  MaxKey: 14,
};

/**
 * MongoDB's cross-type order: MinKey, null, numbers, strings, objects, arrays, binData, ObjectId,
 * bool, date, timestamp, regex, MaxKey. (Values arrive deserialized with int32/double as numbers
 * and int64 as bigint, so bson's Int32/Double/Long classes never occur.)
 */
export function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 2;
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 3;
    case 'string':
      return 4;
    case 'boolean':
      return 9;
  }
  if (Array.isArray(v)) return 6;
  if (v instanceof Date) return 10;
  if (v instanceof RegExp) return 12;
  return CLASS_RANK[bsonType(v) ?? ''] ?? 5;
}

// ---- exact decimal numbers: value = (-1)^neg * coef * 10^exp -------------------------------------

interface Dec {
  special?: 'nan' | 'inf';
  neg: boolean;
  coef: bigint;
  exp: number;
}

function parseDec(text: string): Dec {
  const s = text.trim();
  const neg = s.startsWith('-');
  const body = s.replace(/^[-+]/, '');
  if (/^nan$/i.test(body)) return { special: 'nan', neg: false, coef: 0n, exp: 0 };
  if (/^inf(inity)?$/i.test(body)) return { special: 'inf', neg, coef: 0n, exp: 0 };
  const m = /^(\d*)(?:\.(\d*))?(?:e([-+]?\d+))?$/i.exec(body);
  if (!m) throw new CommandError(Code.BadValue, `not a number: ${text}`);
  const [, int = '', frac = '', e = '0'] = m;
  return { neg, coef: BigInt(int + frac || '0'), exp: Number(e) - frac.length };
}

/** Strips trailing zeros: equal values get equal keys. Arithmetic keeps exponents, as IEEE decimal does ("1.50" + 1 = "2.50"). */
function normalize(d: Dec): Dec {
  if (d.special) return d;
  if (d.coef === 0n) return { neg: false, coef: 0n, exp: 0 };
  let { coef, exp } = d;
  while (coef % 10n === 0n) {
    coef /= 10n;
    exp++;
  }
  return { neg: d.neg, coef, exp };
}

function toDec(v: Num): Dec {
  if (bsonType(v) === 'Double') v = (v as Double).value;
  if (typeof v === 'bigint') return { neg: v < 0n, coef: v < 0n ? -v : v, exp: 0 };
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { special: 'nan', neg: false, coef: 0n, exp: 0 };
    if (!Number.isFinite(v)) return { special: 'inf', neg: v < 0, coef: 0n, exp: 0 };
    return parseDec(String(v));
  }
  return parseDec((v as Decimal128).toString());
}

const signed = (d: Dec): bigint => (d.neg ? -d.coef : d.coef);

function compareDec(a: Dec, b: Dec): number {
  if (a.special === 'nan' || b.special === 'nan') return a.special === b.special ? 0 : a.special === 'nan' ? -1 : 1;
  const inf = (d: Dec) => (d.special === 'inf' ? (d.neg ? -1 : 1) : 0);
  if (inf(a) || inf(b)) return Math.sign(inf(a) - inf(b));
  const e = Math.min(a.exp, b.exp);
  const x = signed(a) * 10n ** BigInt(a.exp - e);
  const y = signed(b) * 10n ** BigInt(b.exp - e);
  return x < y ? -1 : x > y ? 1 : 0;
}

function decToDecimal128(d: Dec): Decimal128 {
  if (d.special) return Decimal128.fromString(d.special === 'nan' ? 'NaN' : d.neg ? '-Infinity' : 'Infinity');
  return Decimal128.fromStringWithRounding(`${d.neg && d.coef !== 0n ? '-' : ''}${d.coef}E${d.exp}`);
}

function compareNumbers(a: Num, b: Num): number {
  a = plainNumber(a);
  b = plainNumber(b);
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) === Number.isNaN(b) ? 0 : Number.isNaN(a) ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  return compareDec(toDec(a), toDec(b));
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function checkInt64(v: bigint): bigint {
  if (v < INT64_MIN || v > INT64_MAX) throw new CommandError(Code.BadValue, 'integer overflow: result does not fit in int64');
  return v;
}

type Num = number | bigint | Decimal128 | Double;

/** a + b (op 'add') or a * b (op 'mul') with MongoDB's type promotion: decimal > double > int64 > int32. */
export function arithmetic(op: 'add' | 'mul', a: Num, b: Num): Num {
  if (bsonType(a) !== 'Decimal128' && bsonType(b) !== 'Decimal128' && (isDouble(a) || isDouble(b))) {
    const [x, y] = [Number(plainNumber(a)), Number(plainNumber(b))];
    return asDouble(op === 'add' ? x + y : x * y);
  }
  if (typeof a === 'number' && typeof b === 'number') return op === 'add' ? a + b : a * b;
  if (bsonType(a) === 'Decimal128' || bsonType(b) === 'Decimal128') {
    const x = toDec(a);
    const y = toDec(b);
    if (x.special || y.special) {
      const f = (d: Dec) => (d.special === 'nan' ? NaN : d.special === 'inf' ? (d.neg ? -Infinity : Infinity) : 0);
      return decToDecimal128(toDec(op === 'add' ? f(x) + f(y) : f(x) * f(y)));
    }
    if (op === 'mul') return decToDecimal128({ neg: x.neg !== y.neg, coef: x.coef * y.coef, exp: x.exp + y.exp });
    const e = Math.min(x.exp, y.exp);
    const sum = signed(x) * 10n ** BigInt(x.exp - e) + signed(y) * 10n ** BigInt(y.exp - e);
    return decToDecimal128({ neg: sum < 0n, coef: sum < 0n ? -sum : sum, exp: e });
  }
  // int64 with an integral operand stays int64; with a fractional double it becomes a double.
  const big = (v: Num): bigint | undefined => (typeof v === 'bigint' ? v : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : undefined);
  const x = big(a);
  const y = big(b);
  if (x !== undefined && y !== undefined) return checkInt64(op === 'add' ? x + y : x * y);
  return op === 'add' ? Number(a) + Number(b) : Number(a) * Number(b);
}

// ---- ordering and equality --------------------------------------------------------------------

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

const cmp = (a: string | number | boolean, b: string | number | boolean): number => (a < b ? -1 : a > b ? 1 : 0);

/** bson 7 keeps an ObjectId as four 24-bit integers, in byte order: compared without building hex strings (ordered indexes compare often). */
type PackedObjectId = { i0?: number; i1: number; i2: number; i3: number };

function compareObjectIds(a: ObjectId, b: ObjectId): number {
  const x = a as unknown as PackedObjectId;
  const y = b as unknown as PackedObjectId;
  if (typeof x.i0 === 'number' && typeof y.i0 === 'number') return cmp(x.i0, y.i0) || cmp(x.i1, y.i1) || cmp(x.i2, y.i2) || cmp(x.i3, y.i3);
  return cmp(a.toHexString(), b.toHexString());
}

/** Total order of BSON values as a MongoDB server compares them (objects field by field, in order). */
export function compareValues(a: unknown, b: unknown): number {
  // The common cases first: two strings, two non-NaN numbers.
  if (typeof a === typeof b && (typeof a === 'string' || (typeof a === 'number' && a === a && b === b))) return a! < b! ? -1 : a! > b! ? 1 : 0;
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 1:
    case 2:
    case 14:
      return 0;
    case 3:
      return compareNumbers(a as Num, b as Num);
    case 4:
      return cmp(String(a), String(b));
    case 5: {
      const ka = Object.keys(a as Document);
      const kb = Object.keys(b as Document);
      for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
        const va = (a as Document)[ka[i]];
        const vb = (b as Document)[kb[i]];
        const c = cmp(typeRank(va), typeRank(vb)) || cmp(ka[i], kb[i]) || compareValues(va, vb);
        if (c) return c;
      }
      return cmp(ka.length, kb.length);
    }
    case 6: {
      const xa = a as unknown[];
      const xb = b as unknown[];
      for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
        const c = compareValues(xa[i], xb[i]);
        if (c) return c;
      }
      return cmp(xa.length, xb.length);
    }
    case 7:
      return cmp((a as Binary).sub_type, (b as Binary).sub_type) || compareBytes((a as Binary).buffer, (b as Binary).buffer);
    case 8:
      return compareObjectIds(a as ObjectId, b as ObjectId);
    case 9:
      return cmp(a as boolean, b as boolean);
    case 10:
      return cmp((a as Date).getTime(), (b as Date).getTime());
    case 11:
      return cmp((a as Timestamp).t, (b as Timestamp).t) || cmp((a as Timestamp).i, (b as Timestamp).i);
    case 12:
      return cmp(String(a), String(b));
  }
  return 0;
}

export const valuesEqual = (a: unknown, b: unknown): boolean => compareValues(a, b) === 0;

/** The same BSON: equal values of the same types, fields in the same order (an update that changes only a type or an order is a change). */
export function identical(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b || bsonType(a) !== bsonType(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => identical(x, (b as unknown[])[i]));
  if (isPlainObject(a)) {
    // typeof null is 'object' too: a document replaced by null (or the reverse) is a change.
    if (!isPlainObject(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b as Document);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && identical(a[k], (b as Document)[k]));
  }
  if (typeof a === 'number') return Object.is(a, b) || a === b;
  return compareValues(a, b) === 0;
}

// ---- canonical keys for hash maps ---------------------------------------------------------------

/**
 * The same string for values a server considers equal (5, 5.0, Long(5), Decimal128('5.0')).
 * Strings and regexes are length-prefixed so that no value can fake a boundary in a composite key.
 */
export function keyString(v: unknown): string {
  if (v === undefined || v === null) return 'N';
  switch (typeof v) {
    case 'string':
      return `s${v.length}:${v}`;
    case 'boolean':
      return v ? 'b1' : 'b0';
    case 'number':
      if (Number.isInteger(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER) return 'n' + numberKey(BigInt(v));
      return 'n' + decKey(normalize(toDec(v)));
    case 'bigint':
      return 'n' + numberKey(v);
  }
  if (bsonType(v) === 'Double') return keyString((v as Double).value);
  if (Array.isArray(v)) return '[' + v.map(keyString).join(',') + ']';
  if (v instanceof Date) return 'd' + v.getTime();
  if (v instanceof RegExp) return `r${String(v).length}:${String(v)}`;
  switch (bsonType(v)) {
    case 'ObjectId':
      return 'o' + (v as ObjectId).toHexString();
    case 'Decimal128':
      return 'n' + decKey(normalize(toDec(v as Decimal128)));
    case 'Binary': {
      const bytes = (v as Binary).buffer; // a view: encoded in place, not copied (session ids are keyed on every command)
      return 'x' + (v as Binary).sub_type + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
    }
    case 'Timestamp':
    case 'MinKey':
    case 'MaxKey':
      return bsonType(v) + String(v);
  }
  return (
    '{' +
    Object.keys(v as Document)
      .map((k) => JSON.stringify(k) + ':' + keyString((v as Document)[k]))
      .join(',') +
    '}'
  );
}

function numberKey(v: bigint): string {
  return v === 0n ? '0' : decKey(normalize({ neg: v < 0n, coef: v < 0n ? -v : v, exp: 0 }));
}

function decKey(d: Dec): string {
  if (d.special) return d.special === 'nan' ? 'NaN' : d.neg ? '-Inf' : 'Inf';
  return `${d.neg ? '-' : ''}${d.coef}e${d.exp}`;
}

// ---- paths, copies and display ------------------------------------------------------------------

/**
 * Every value at a dotted path, looking through arrays as a server does for indexes and sorts.
 * An array at the end of the path contributes its elements; a missing path gives [].
 */
export function pathValues(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(doc, path.split('.'), 0, out);
  return out;
}

function collect(value: unknown, parts: string[], i: number, out: unknown[]): void {
  if (value === undefined) return;
  if (i === parts.length) {
    if (Array.isArray(value)) out.push(...(value.length ? value : [[]]));
    else out.push(value);
    return;
  }
  if (Array.isArray(value)) {
    if (/^\d+$/.test(parts[i])) collect(value[Number(parts[i])], parts, i + 1, out);
    for (const el of value) if (isPlainObject(el)) collect(el[parts[i]], parts, i, out);
    return;
  }
  if (isPlainObject(value)) collect(value[parts[i]], parts, i + 1, out);
}

/** Deep copy of the mutable parts (objects, arrays, dates); BSON value objects are immutable and shared. */
export function cloneValue<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneValue) as T;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (isPlainObject(v)) {
    const out: Document = {};
    for (const k of Object.keys(v)) {
      // An own `__proto__` key is data (BSON allows it); assigning it would set the prototype instead.
      if (k === '__proto__') Object.defineProperty(out, k, { value: cloneValue(v[k]), enumerable: true, writable: true, configurable: true });
      else out[k] = cloneValue(v[k]);
    }
    return out as T;
  }
  return v;
}

/** A value the way the server prints it in messages such as E11000 `dup key: { email: "a@b.c" }`. */
function formatValue(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (bsonType(v) === 'Double') return String((v as Double).value);
  if (Array.isArray(v)) return `[ ${v.map(formatValue).join(', ')} ]`;
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  switch (bsonType(v)) {
    case 'ObjectId':
      return `ObjectId('${(v as ObjectId).toHexString()}')`;
    case 'Decimal128':
      return `${(v as Decimal128).toString()}`;
  }
  if (isPlainObject(v)) return formatKey(v);
  return String(v);
}

export const formatKey = (doc: Document): string =>
  `{ ${Object.entries(doc)
    .map(([k, x]) => `${k}: ${formatValue(x)}`)
    .join(', ')} }`;

/** Sets a dotted path in a document, making the objects on the way (a non-object on the way is replaced). */
export function setPath(doc: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = doc;
  for (const p of parts.slice(0, -1)) {
    if (!isPlainObject(at[p])) at[p] = {};
    at = at[p] as Document;
  }
  at[parts[parts.length - 1]] = value;
}
