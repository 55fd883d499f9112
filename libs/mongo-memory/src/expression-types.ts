import { evalExpr } from 'mingo/core';
import * as accumulators from 'mingo/operators/accumulator';
import * as expressions from 'mingo/operators/expression';
import type { AnyObject, Options } from 'mingo/types';
import type { Document, Double } from 'bson';
import { CommandError } from './errors';
import { valueType, wider, withType, type NumType } from './numeric-types';
import { orderedAccumulators, orderedExpressions } from './ordered-operators';
import { bsonType, compareValues, isNumeric, isPlainObject, keyString, plainNumber, withPlainNumbers } from './values';

/**
 * Aggregation expressions over values that keep their BSON types (#20). Documents reach mingo with
 * their integral doubles as bson `Double`s, so whatever only moves values (`$cond`, `$let`, `$map`,
 * `$push`, `$unwind`, `$lookup`...) hands them on unchanged. The operators that look at numbers are
 * replaced or wrapped here: truthiness, `$type`, `$max`/`$min` are our own; every other mingo
 * operator gets its arguments evaluated first and then as plain numbers, and its result is given the
 * type MongoDB gives it (`$abs`/`$floor`/`$round`... keep the input's type, `$sqrt`/`$divide`...
 * are doubles, `$mod`/`$pow` take the widest operand type).
 */

type ExprFn = (obj: AnyObject, expr: unknown, options: Options) => unknown;
type AccFn = (coll: AnyObject[], expr: unknown, options: Options) => unknown;

const lit = (v: unknown) => ({ $literal: v });
const isOperatorObject = (v: unknown): v is Document => isPlainObject(v) && Object.keys(v).length > 0 && Object.keys(v)[0].startsWith('$');

/** The evaluated arguments as literals, in the shape the operator was given them (list, named fields or one). */
function literalArgs(expr: unknown, values: unknown, map: (v: unknown) => unknown = (v) => v): unknown {
  if (Array.isArray(expr)) return (values as unknown[]).map((v) => lit(map(v)));
  if (isPlainObject(expr) && !isOperatorObject(expr)) {
    const out: Document = {};
    for (const [k, v] of Object.entries(values as Document)) out[k] = lit(map(v));
    return out;
  }
  return lit(map(values));
}

/** MongoDB's truthiness: false, null, missing and numeric zeros are false; everything else (also '') is true. */
export function truthy(v: unknown): boolean {
  if (v === false || v === null || v === undefined) return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (bsonType(v) === 'Double') return (v as Double).value !== 0;
  if (bsonType(v) === 'Decimal128') return compareValues(v, 0) !== 0;
  return true;
}

const INT32_MAX = 0x7fffffff;

/** `$type`'s answer for a value as held in memory. */
export function typeName(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) && Math.abs(v) <= INT32_MAX && !Object.is(v, -0) ? 'int' : 'double';
    case 'bigint':
      return 'long';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
  }
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (v instanceof RegExp) return 'regex';
  const names: Record<string, string> = {
    Double: 'double',
    Decimal128: 'decimal',
    ObjectId: 'objectId',
    Binary: 'binData',
    Timestamp: 'timestamp',
    MinKey: 'minKey',
    MaxKey: 'maxKey',
    BSONRegExp: 'regex',
    Code: 'javascript',
    BSONSymbol: 'symbol',
  };
  return names[bsonType(v) ?? ''] ?? 'object';
}

// ---- result types ----------------------------------------------------------------------------------

/** The numeric types among evaluated arguments (one level into lists: `$mod: [a, b]`, `$round: [x, 2]`). */
function argTypes(values: unknown): (NumType | undefined)[] {
  if (Array.isArray(values)) return values.map(valueType);
  if (isPlainObject(values)) return Object.values(values).map(valueType);
  return [valueType(values)];
}

const widest = (types: (NumType | undefined)[]): NumType | undefined =>
  types.reduce<NumType | undefined>((acc, t) => (t === undefined ? acc : acc === undefined ? t : wider(acc, t)), undefined);

/** Gives a mingo result its MongoDB type: `Double` for a double, deep through lists (`$percentile`). */
function asType(v: unknown, type: NumType | undefined): unknown {
  if (type === undefined || type === 'decimal') return v;
  if (Array.isArray(v)) return v.map((x) => asType(x, type));
  return typeof v === 'number' ? withType(v, type) : v;
}

type Rule = (values: unknown) => NumType | undefined;
/** The first argument's type (int32 stays int32, a double stays a double). */
const sameAsInput: Rule = (values) => argTypes(values)[0];
const doubleUnlessDecimal: Rule = (values) => (argTypes(values).includes('decimal') ? undefined : 'double');
const widestOperand: Rule = (values) => widest(argTypes(values));
const convertTarget: Rule = (values) => {
  const to = isPlainObject(values) ? plainNumber(values.to) : undefined;
  return ({ double: 'double', 1: 'double', long: 'long', 18: 'long', int: 'int', 16: 'int' } as Record<string, NumType>)[String(to)];
};

const RULES: Record<string, Rule> = {
  $abs: sameAsInput,
  $ceil: sameAsInput,
  $floor: sameAsInput,
  $round: sameAsInput,
  $trunc: sameAsInput,
  $mod: widestOperand,
  // Integers give an int32, an int64 once it overflows, a double when not integral (2^-1) or beyond 2^53.
  $pow: widestOperand,
  $divide: doubleUnlessDecimal,
  $sqrt: doubleUnlessDecimal,
  $exp: doubleUnlessDecimal,
  $ln: doubleUnlessDecimal,
  $log: doubleUnlessDecimal,
  $log10: doubleUnlessDecimal,
  $sigmoid: doubleUnlessDecimal,
  $toDouble: () => 'double',
  $toLong: () => 'long',
  $convert: convertTarget,
  $median: () => 'double',
  $percentile: () => 'double',
  $stdDevPop: () => 'double',
  $stdDevSamp: () => 'double',
  $covariancePop: () => 'double',
  $covarianceSamp: () => 'double',
};
for (const trig of ['$sin', '$cos', '$tan', '$asin', '$acos', '$atan', '$atan2', '$sinh', '$cosh', '$tanh', '$asinh', '$acosh', '$atanh'])
  RULES[trig] = doubleUnlessDecimal;
RULES.$degreesToRadians = doubleUnlessDecimal;
RULES.$radiansToDegrees = doubleUnlessDecimal;

/**
 * A mingo operator run on plain numbers, its result typed by RULES. In `$group` mingo calls an
 * expression operator with the group's documents (`$median`, `$maxN`...): they are made plain too.
 */
function plainOperator(name: string, original: ExprFn): ExprFn {
  const rule = RULES[name];
  return (obj, expr, options) => {
    if (Array.isArray(obj))
      return asType(original(obj.map(withPlainNumbers) as unknown as AnyObject, withPlainNumbers(expr), options), rule?.(undefined));
    const values = evalExpr(obj, expr, options);
    const out = original(obj, literalArgs(expr, values, withPlainNumbers), options);
    return rule ? asType(out, rule(values)) : out;
  };
}

/** Operators that hand on (part of) their input with numeric control arguments (an index, a count): only those are made plain. */
function passThrough(original: ExprFn, control: (string | number)[]): ExprFn {
  return (obj, expr, options) => {
    if (Array.isArray(obj)) return original(obj, expr, options);
    const values = evalExpr(obj, expr, options);
    const args = literalArgs(expr, values) as Document;
    for (const k of control) if (args[k]) args[k] = lit(plainNumber((args[k] as Document).$literal));
    return original(obj, args, options);
  };
}

const INT64_MAX = 2n ** 63n - 1n;

/**
 * `$pow` of two integers (int32/int64) as the server computes it: exact, an int32 when both are
 * int32 and it fits, an int64 when it fits, a double once it overflows int64. mingo computes a
 * double, inexact beyond 2^53. A negative exponent (a fraction, or ±1) and other types go to `other`.
 */
function integerPow(other: ExprFn): ExprFn {
  return (obj, expr, options) => {
    if (Array.isArray(obj) || !Array.isArray(expr) || expr.length !== 2) return other(obj, expr, options);
    const [base, exp] = evalExpr(obj, expr, options) as unknown[];
    const types = [valueType(base), valueType(exp)];
    if (!types.every((t) => t === 'int' || t === 'long')) return other(obj, literalArgs(expr, [base, exp]), options);
    const b = BigInt(base as number | bigint);
    const e = BigInt(exp as number | bigint);
    if (e < 0n) {
      if (b === 0n) throw new CommandError(28764, '$pow cannot take a base of 0 and a negative exponent');
      return other(obj, literalArgs(expr, [base, exp]), options);
    }
    // |base| <= 1 never grows; otherwise an exponent past 63 overflows int64 (and would make a huge bigint).
    const exact = b >= -1n && b <= 1n ? (e === 0n ? 1n : b === -1n && e % 2n === 0n ? 1n : b) : e <= 63n ? b ** e : undefined;
    if (exact === undefined || exact > INT64_MAX || exact < -INT64_MAX - 1n) return withType(Math.pow(Number(b), Number(e)), 'double');
    if (types[0] === 'int' && types[1] === 'int' && exact <= BigInt(INT32_MAX) && exact >= BigInt(-INT32_MAX - 1)) return Number(exact);
    return exact;
  };
}

const ifThenElse = (expr: unknown): [unknown, unknown, unknown] =>
  Array.isArray(expr) ? (expr as [unknown, unknown, unknown]) : [(expr as Document)?.if, (expr as Document)?.then, (expr as Document)?.else];

/** Operators mingo has and that are used unchanged: they only move values, or never see numbers. */
const UNCHANGED = new Set([
  '$ifNull',
  '$let',
  '$map',
  '$reduce',
  '$literal',
  '$mergeObjects',
  '$getField',
  '$setField',
  '$unsetField',
  '$objectToArray',
  '$arrayToObject',
  '$concatArrays',
  '$reverseArray',
  '$zip',
  '$rand',
  '$isArray',
  '$size',
  '$function',
  '$first',
  '$last',
]);

const OWN: Record<string, ExprFn> = {
  $cond: (obj, expr, options) => {
    const [test, then, otherwise] = ifThenElse(expr);
    return evalExpr(obj, truthy(evalExpr(obj, test, options)) ? then : otherwise, options);
  },
  $switch: (obj, expr, options) => {
    const spec = expr as { branches?: { case: unknown; then: unknown }[]; default?: unknown };
    for (const branch of spec.branches ?? []) if (truthy(evalExpr(obj, branch.case, options))) return evalExpr(obj, branch.then, options);
    if (!('default' in spec)) throw new CommandError(40066, '$switch could not find a matching branch for an input, and no default was specified.');
    return evalExpr(obj, spec.default, options);
  },
  $and: (obj, expr, options) => (Array.isArray(expr) ? expr : [expr]).every((e) => truthy(evalExpr(obj, e, options))),
  $or: (obj, expr, options) => (Array.isArray(expr) ? expr : [expr]).some((e) => truthy(evalExpr(obj, e, options))),
  $not: (obj, expr, options) => !truthy(evalExpr(obj, Array.isArray(expr) ? expr[0] : expr, options)),
  $type: (obj, expr, options) => typeName(evalExpr(obj, Array.isArray(expr) && expr.length === 1 ? expr[0] : expr, options)),
  $isNumber: (obj, expr, options) => isNumeric(evalExpr(obj, Array.isArray(expr) && expr.length === 1 ? expr[0] : expr, options)),
  // The condition's truthiness is ours ($cond); `limit` an expression, as on a server.
  $filter: (obj, expr, options) => {
    const spec = expr as Document;
    if (!isPlainObject(spec)) return (expressions.$filter as ExprFn)(obj, expr, options);
    const args: Document = { ...spec, cond: { $cond: [spec.cond, true, false] } };
    if (spec.limit !== undefined) args.limit = plainNumber(evalExpr(obj, spec.limit, options));
    return (expressions.$filter as ExprFn)(obj, args, options);
  },
  $arrayElemAt: passThrough(expressions.$arrayElemAt as ExprFn, [1]),
  $slice: passThrough(expressions.$slice as ExprFn, [1, 2]),
  $pow: integerPow(plainOperator('$pow', expressions.$pow as ExprFn)),
};

/** Accumulators and expressions that compare or order values (ordered-operators.ts), mingo's on plain numbers where they do not apply. */
const ORDERED_ACCUMULATORS = orderedAccumulators((name) => plainAccumulator(name, (accumulators as unknown as Record<string, AccFn>)[name]));
const ORDERED_EXPRESSIONS = orderedExpressions(
  (name) => plainOperator(name, (expressions as unknown as Record<string, ExprFn>)[name]),
  ORDERED_ACCUMULATORS,
);

/** mingo's expression operators, each typed (see above); the caller adds its own ($add, comparisons...) on top. */
export const TYPED_EXPRESSIONS: Record<string, ExprFn> = Object.fromEntries(
  Object.entries(expressions as unknown as Record<string, ExprFn>).map(([name, fn]) => [
    name,
    OWN[name] ?? ORDERED_EXPRESSIONS[name] ?? (UNCHANGED.has(name) ? fn : plainOperator(name, fn)),
  ]),
);

// ---- accumulators -----------------------------------------------------------------------------------

const push = accumulators.$push as AccFn;

/** mingo's accumulators that compute from numbers or compare values: plain numbers in, typed result out. */
function plainAccumulator(name: string, original: AccFn): AccFn {
  const rule = RULES[name];
  return (coll, expr, options) => asType(original(coll.map(withPlainNumbers), withPlainNumbers(expr), options), rule?.(undefined));
}

/**
 * Accumulators: `$push`, `$first`, `$last`, `$mergeObjects`, `$count` move values as they are;
 * `$addToSet` keeps one of equal values (5 and 5.0 are one); the others see plain numbers.
 * (`$sum`, `$avg`, `$min`, `$max` are query.ts's.)
 */
export const TYPED_ACCUMULATORS: Record<string, AccFn> = {
  ...Object.fromEntries(
    Object.entries(accumulators as unknown as Record<string, AccFn>).map(([name, fn]) => [
      name,
      ['$push', '$first', '$last', '$mergeObjects', '$count', '$accumulator'].includes(name) ? fn : plainAccumulator(name, fn),
    ]),
  ),
  $addToSet: (coll, expr, options) => {
    const seen = new Map<string, unknown>();
    for (const v of push(coll, expr, options) as unknown[]) {
      const k = keyString(v);
      if (!seen.has(k)) seen.set(k, v);
    }
    return [...seen.values()];
  },
  ...ORDERED_ACCUMULATORS,
};
