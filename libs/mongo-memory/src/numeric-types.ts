import { resolve } from 'mingo/util';
import type { Document } from 'bson';
import { asDouble, bsonType, isPlainObject, plainNumber } from './values';

/**
 * MongoDB's result types for arithmetic in aggregation (#20): int32 op int32 is an int32 (an int64
 * when it overflows), any double makes a double, Decimal128 wins, `$divide`, `$avg` and `$toDouble`
 * give doubles. mingo computes with plain numbers, where an integral double is indistinguishable
 * from an int32 (and would be sent back as one), so the type of a result is worked out here from the
 * expression and the stage's input document, where stored doubles are still `Double`s.
 */
export type NumType = 'int' | 'long' | 'double' | 'decimal';

const RANK: Record<NumType, number> = { int: 0, long: 1, double: 2, decimal: 3 };
export const wider = (a: NumType, b: NumType): NumType => (RANK[a] >= RANK[b] ? a : b);
const INT32_MAX = 0x7fffffff;

/** The BSON numeric type of a value as held in memory (undefined when it is not a number). */
export function valueType(v: unknown): NumType | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && !Object.is(v, -0) && Math.abs(v) <= INT32_MAX ? 'int' : 'double';
  if (typeof v === 'bigint') return 'long';
  const t = bsonType(v);
  return t === 'Double' ? 'double' : t === 'Decimal128' ? 'decimal' : undefined;
}

const ARITHMETIC = new Set(['$add', '$subtract', '$multiply', '$sum']);
const ALWAYS_DOUBLE = new Set(['$divide', '$toDouble', '$avg']);

/**
 * The numeric type an expression yields for `doc`, when it is built only of arithmetic, field paths
 * and numbers; undefined for anything else (mingo's value is then kept as it is).
 */
export function exprType(expr: unknown, doc: unknown): NumType | undefined {
  if (typeof expr === 'string') {
    if (!expr.startsWith('$') || expr.startsWith('$$')) return undefined;
    return valueType(resolve(doc as Document, expr.slice(1)));
  }
  if (!isPlainObject(expr)) return valueType(expr);
  const keys = Object.keys(expr);
  if (keys.length !== 1) return undefined;
  const op = keys[0];
  const arg = expr[op];
  if (op === '$literal') return valueType(arg);
  if (ALWAYS_DOUBLE.has(op)) {
    // A Decimal128 operand makes a Decimal128, which mingo's value already is (or mingo fails).
    const args = Array.isArray(arg) ? arg : [arg];
    return args.some((a) => exprType(a, doc) === 'decimal') ? undefined : 'double';
  }
  if (!ARITHMETIC.has(op) || !Array.isArray(arg)) return undefined;
  let type: NumType = 'int';
  for (const a of arg) {
    const t = exprType(a, doc);
    if (!t) return undefined;
    type = wider(type, t);
  }
  return type;
}

/** A computed number given its type: an integral double as `Double`, an overflowing int32 result as int64. */
export function withType(v: unknown, type: NumType | undefined): unknown {
  const n = plainNumber(v);
  if (typeof n !== 'number' || type === undefined) return v;
  if (type === 'double') return asDouble(n);
  if ((type === 'int' || type === 'long') && Number.isSafeInteger(n)) return Math.abs(n) > INT32_MAX || type === 'long' ? BigInt(n) : n;
  return n;
}

/**
 * Gives the fields a `$project`/`$addFields`/`$set` stage computed their MongoDB type, in place:
 * `spec` is the stage's specification, `input` the document it read (with its `Double`s).
 */
export function typeComputedFields(spec: Document, input: Document, output: Document, prefix = ''): void {
  for (const [key, expr] of Object.entries(spec)) {
    const path = prefix + key;
    if (!isPlainObject(expr)) continue;
    const ops = Object.keys(expr);
    if (ops.length === 1 && ops[0] === '$type') {
      // mingo names a type by the plain number: an integral double would be 'int'.
      const arg = Array.isArray(expr.$type) && expr.$type.length === 1 ? expr.$type[0] : expr.$type;
      const type = exprType(arg, input);
      if (type) setPath(output, path, () => type);
    } else if (ops.length === 1 && ops[0].startsWith('$')) {
      const type = exprType(expr, input);
      if (type) setPath(output, path, (v) => withType(v, type));
    } else if (!ops.some((k) => k.startsWith('$'))) {
      typeComputedFields(expr, input, output, `${path}.`);
    }
  }
}

/** Replaces the value at a dotted path through embedded documents (not arrays), if present. */
function setPath(doc: Document, path: string, fn: (v: unknown) => unknown): void {
  const parts = path.split('.');
  let at: unknown = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    at = isPlainObject(at) ? at[parts[i]] : undefined;
    if (!isPlainObject(at)) return;
  }
  const last = parts[parts.length - 1];
  if (isPlainObject(at) && Object.hasOwn(at, last)) (at as Document)[last] = fn((at as Document)[last]);
}
