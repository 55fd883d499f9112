import { asDouble, bsonType, plainNumber } from './values';

/**
 * MongoDB's numeric result types (#20): int32 op int32 is an int32 (an int64 when it overflows), any
 * double makes a double, Decimal128 wins. mingo computes with plain numbers, where an integral double
 * is indistinguishable from an int32 (and would be sent back as one), so results are given their type
 * from the types of their operands (query.ts, expression-types.ts).
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

/** A computed number given its type: an integral double as `Double`, an overflowing int32 result as int64. */
export function withType(v: unknown, type: NumType | undefined): unknown {
  const n = plainNumber(v);
  if (typeof n !== 'number' || type === undefined) return v;
  if (type === 'double') return asDouble(n);
  if ((type === 'int' || type === 'long') && Number.isSafeInteger(n)) return Math.abs(n) > INT32_MAX || type === 'long' ? BigInt(n) : n;
  return n;
}
