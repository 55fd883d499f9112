import { Aggregator } from 'mingo/aggregator';
import { Context, evalExpr, ProcessingMode } from 'mingo/core';
import { Lazy, type Iterator } from 'mingo/lazy';
import * as expressions from 'mingo/operators/expression';
import * as pipelineOps from 'mingo/operators/pipeline';
import * as projections from 'mingo/operators/projection';
import * as queries from 'mingo/operators/query';
import * as windows from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { AnyObject, Options } from 'mingo/types';
import { resolve } from 'mingo/util';
import type { Binary, Document } from 'bson';
import { CommandError, Code } from './errors';
import { TYPED_ACCUMULATORS, TYPED_EXPRESSIONS } from './expression-types';
import { valueType, wider, withType, type NumType } from './numeric-types';
import { holdsDouble, TYPED_STAGES, typedPipeline } from './pipeline-stages';
import { projector } from './projection';
import { sortDocuments } from './sort-order';
import {
  arithmetic,
  asDouble,
  bsonType,
  cloneValue,
  compareValues,
  isNumeric,
  isPlainObject,
  plainNumber,
  typeRank,
  valuesEqual,
  withPlainNumbers,
} from './values';
import { setWindowFields } from './window-fields';

/**
 * The bridge to mingo. mingo compares BSON numbers of different types (bigint, Decimal128) wrongly
 * and mutates what it projects, so comparison operators, sums and sorts are replaced here by
 * versions built on `values.ts`, and everything handed to mingo for reshaping is a copy.
 */

type Predicate = (obj: AnyObject) => boolean;
type Operand = number | bigint | import('bson').Decimal128;

const flat = (a: unknown[], depth: number): unknown[] => (depth > 0 ? a.flat(depth) : a);

function eq(lhs: unknown, rhs: unknown, depth: number): boolean {
  if (valuesEqual(lhs, rhs)) return true;
  if (rhs === null && lhs === undefined) return true;
  if (Array.isArray(lhs)) return lhs.some((v) => valuesEqual(v, rhs)) || flat(lhs, depth).some((v) => valuesEqual(v, rhs));
  return false;
}

function inList(lhs: unknown, list: unknown, depth: number): boolean {
  if (!Array.isArray(list)) throw new CommandError(Code.BadValue, '$in needs an array');
  const values = Array.isArray(lhs) ? [lhs, ...flat(lhs, Math.max(depth, 1))] : [lhs];
  return list.some((x) => (x instanceof RegExp ? values.some((v) => typeof v === 'string' && x.test(v)) : values.some((v) => eq(v, x, 0))));
}

/** Range operators only match values of the same type bracket, as on a server. */
function range(test: (c: number) => boolean) {
  return (lhs: unknown, rhs: unknown, depth: number): boolean => {
    const values = Array.isArray(lhs) ? [...flat(lhs, Math.max(depth, 1)), ...(Array.isArray(rhs) ? [lhs] : [])] : [lhs];
    return values.some((v) => sameBracket(v, rhs) && test(compareValues(v, rhs)));
  };
}

const sameBracket = (a: unknown, b: unknown): boolean => typeRank(a) === typeRank(b);

/** $type by BSON type name or number, as stored here (int64 is bigint, Decimal128 its class). */
const TYPE_TESTS: Record<string, (v: unknown) => boolean> = {
  double: (v) => bsonType(v) === 'Double' || (typeof v === 'number' && !(Number.isInteger(v) && Math.abs(v) <= 0x7fffffff)),
  string: (v) => typeof v === 'string',
  object: isPlainObject,
  array: Array.isArray,
  binData: (v) => bsonType(v) === 'Binary',
  objectId: (v) => bsonType(v) === 'ObjectId',
  bool: (v) => typeof v === 'boolean',
  date: (v) => v instanceof Date,
  null: (v) => v === null,
  regex: (v) => v instanceof RegExp || bsonType(v) === 'BSONRegExp',
  int: (v) => Number.isInteger(v) && Math.abs(v as number) <= 0x7fffffff,
  timestamp: (v) => bsonType(v) === 'Timestamp',
  long: (v) => typeof v === 'bigint',
  decimal: (v) => bsonType(v) === 'Decimal128',
  minKey: (v) => bsonType(v) === 'MinKey',
  maxKey: (v) => bsonType(v) === 'MaxKey',
  number: isNumeric,
};
const TYPE_NUMBERS: Record<number, string> = {
  1: 'double',
  2: 'string',
  3: 'object',
  4: 'array',
  5: 'binData',
  7: 'objectId',
  8: 'bool',
  9: 'date',
  10: 'null',
  11: 'regex',
  16: 'int',
  17: 'timestamp',
  18: 'long',
  19: 'decimal',
  [-1]: 'minKey',
  127: 'maxKey',
};

function typeMatch(selector: string, spec: unknown): Predicate {
  const tests = (Array.isArray(spec) ? spec : [spec]).map((t) => {
    const name = typeof t === 'number' ? TYPE_NUMBERS[t] : String(t);
    const test = name === undefined ? undefined : TYPE_TESTS[name];
    if (!test) throw new CommandError(Code.BadValue, `Unknown type name alias: ${String(t)}`);
    return test;
  });
  return (obj) => {
    const v = resolve(obj, selector);
    const candidates = Array.isArray(v) ? [v, ...v] : [v];
    return v !== undefined && candidates.some((c) => tests.some((test) => test(c)));
  };
}

function fieldOp(test: (lhs: unknown, rhs: unknown, depth: number) => boolean) {
  return (selector: string, value: unknown): Predicate => {
    const depth = selector.split('.').length - 1;
    return (obj) => test(resolve(obj, selector, { unwrapArray: true }), value, depth);
  };
}

/** Aggregation comparisons: full BSON order, where (unlike in queries) a missing field sorts below null. */
function expressionOrder(obj: AnyObject, expr: unknown, options: Options): number {
  const [a, b] = evalExpr(obj, expr, options) as unknown[];
  if (a === undefined || b === undefined)
    return a === b ? 0 : a === undefined ? (b === null ? -1 : compareValues(a, b)) : b === null ? 1 : compareValues(a, b);
  return compareValues(a, b);
}

const exprCompare = (test: (c: number) => boolean) => (obj: AnyObject, expr: unknown, options: Options) => test(expressionOrder(obj, expr, options));

/**
 * $add/$multiply/$subtract: exact for int64 and Decimal128, typed as MongoDB types them (int32 op
 * int32 is an int32, an int64 once it overflows; any double makes a double); mingo's for dates.
 */
function exprArithmetic(name: '$add' | '$multiply' | '$subtract') {
  const original = (expressions as unknown as Record<string, (o: AnyObject, e: unknown, opt: Options) => unknown>)[name];
  const op = name === '$multiply' ? 'mul' : 'add';
  return (obj: AnyObject, expr: unknown, options: Options) => {
    const args = evalExpr(obj, expr, options) as unknown[];
    if (!Array.isArray(args) || (name === '$subtract' && args.length !== 2)) return original(obj, expr, options);
    if (args.some((v) => v === null || v === undefined)) return null;
    if (!args.every(isNumeric)) {
      return original(
        obj,
        args.map((v) => ({ $literal: plainNumber(v) })),
        options,
      );
    }
    let type: NumType = 'int';
    for (const v of args) type = wider(type, valueType(v) ?? 'int');
    const operands = args as Parameters<typeof arithmetic>[1][];
    if (operands.length === 0) return name === '$multiply' ? 1 : 0;
    const result =
      name === '$subtract' ? arithmetic('add', operands[0], arithmetic('mul', operands[1], -1)) : operands.reduce((acc, v) => arithmetic(op, acc, v));
    return withType(plainNumber(result), type);
  };
}

/** Arithmetic inside mingo: plain numbers only (mingo's own operators know no `Double`). */
const calc = (op: 'add' | 'mul', a: Operand, b: Operand): Operand => plainNumber(arithmetic(op, a, b)) as Operand;

function sumOf(values: unknown[]): Operand {
  let total: Operand = 0;
  for (const v of values) if (isNumeric(v)) total = calc('add', total, v as Operand);
  return total;
}

const accumulated = (coll: AnyObject[], expr: unknown, options: Options): unknown[] =>
  (TYPED_ACCUMULATORS.$push as (c: AnyObject[], e: unknown, o: Options) => unknown[])(coll, expr, options);

/** $sum: the widest type of what it adds (an int32 total that overflows is an int64). */
function typedSum(values: unknown[]): unknown {
  let type: NumType = 'int';
  for (const v of values) {
    const t = valueType(v);
    if (t) type = wider(type, t);
  }
  return withType(sumOf(values), type);
}

function extreme(sign: 1 | -1) {
  return (coll: AnyObject[], expr: unknown, options: Options) => {
    let best: unknown;
    for (const v of accumulated(coll, expr, options)) {
      if (v === null || v === undefined) continue;
      if (best === undefined || compareValues(v, best) * sign > 0) best = v;
    }
    return best ?? null;
  };
}

/** $all is an $and of equalities (or $elemMatch clauses): a scalar field holding the value matches too. */
function allOf(selector: string, value: unknown, options: Options): Predicate {
  if (!Array.isArray(value)) throw new CommandError(Code.BadValue, '$all needs an array');
  if (value.length === 0) return () => false;
  const clauses = value.map((v) => ({ [selector]: isPlainObject(v) && !('$elemMatch' in v) ? { $eq: v } : v }));
  const query = new Query({ $and: clauses }, options);
  return (obj) => query.test(obj);
}

/** The bit positions a $bits* operand names: a bitmask number, a list of positions, or BinData. */
function bitPositions(mask: unknown): number[] {
  const out: number[] = [];
  if (Array.isArray(mask)) {
    for (const p of mask) {
      if (typeof p !== 'number' || !Number.isInteger(p) || p < 0)
        throw new CommandError(Code.BadValue, 'bit positions must be non-negative integers');
      out.push(p);
    }
  } else if (typeof mask === 'number' || typeof mask === 'bigint') {
    if (typeof mask === 'number' && !Number.isInteger(mask)) throw new CommandError(Code.BadValue, 'bitmask must be an integer');
    let m = BigInt.asUintN(64, BigInt(mask));
    for (let i = 0; m; i++, m >>= 1n) if (m & 1n) out.push(i);
  } else if (bsonType(mask) === 'Binary') {
    const bytes = (mask as Binary).buffer;
    for (let i = 0; i < bytes.length * 8; i++) if ((bytes[i >> 3] >> (i & 7)) & 1) out.push(i);
  } else {
    throw new CommandError(Code.BadValue, 'bit test operands must be a number, an array of bit positions or BinData');
  }
  return out;
}

/** Bit `i` of an integral number (two's complement, sign-extended) or of BinData (little-endian); undefined for other values. */
function bitOf(v: unknown): ((i: number) => boolean) | undefined {
  if ((typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 63) || typeof v === 'bigint') {
    const n = BigInt.asUintN(64, BigInt(v));
    return (i) => ((i > 63 ? n >> 63n : n >> BigInt(i)) & 1n) === 1n;
  }
  if (bsonType(v) === 'Binary') {
    const bytes = (v as Binary).buffer;
    return (i) => i < bytes.length * 8 && ((bytes[i >> 3] >> (i & 7)) & 1) === 1;
  }
  return undefined;
}

/** $bitsAllSet and friends over numbers and BinData (mingo's only know numbers). */
function bitsOp(all: boolean, set: boolean) {
  return (selector: string, mask: unknown): Predicate => {
    const positions = bitPositions(mask);
    return (obj) => {
      const bits = bitOf(resolve(obj, selector));
      if (!bits) return false;
      const test = (i: number) => bits(i) === set;
      return all ? positions.every(test) : positions.some(test);
    };
  };
}

const DBREF_FIELDS = new Set(['$ref', '$id', '$db']);

/** $elemMatch where `$ref`/`$id`/`$db` are DBRef field names, not operators (mingo's otherwise). */
function elemMatch(selector: string, value: unknown, options: Options): Predicate {
  const original = (queries as unknown as Record<string, (s: string, v: unknown, o: Options) => Predicate>).$elemMatch;
  if (!isPlainObject(value) || !Object.keys(value).some((k) => DBREF_FIELDS.has(k))) return original(selector, value, options);
  const tests = Object.entries(value).map(([k, cond]) => {
    if (!DBREF_FIELDS.has(k)) {
      const q = new Query({ [k]: cond }, options);
      return (el: Document) => q.test(el);
    }
    const q = new Query({ v: cond }, options);
    return (el: Document) => q.test({ v: el[k] });
  });
  return (obj) => {
    const array = resolve(obj, selector);
    return Array.isArray(array) && array.some((el) => isPlainObject(el) && tests.every((test) => test(el)));
  };
}

const QUERY_OPS = {
  $bitsAllSet: bitsOp(true, true),
  $bitsAnySet: bitsOp(false, true),
  $bitsAllClear: bitsOp(true, false),
  $bitsAnyClear: bitsOp(false, false),
  $elemMatch: elemMatch,
  $all: allOf,
  $eq: fieldOp(eq),
  $ne: fieldOp((l, r, d) => !eq(l, r, d)),
  $in: fieldOp(inList),
  $nin: fieldOp((l, r, d) => !inList(l, r, d)),
  $gt: fieldOp(range((c) => c > 0)),
  $gte: fieldOp(range((c) => c >= 0)),
  $lt: fieldOp(range((c) => c < 0)),
  $lte: fieldOp(range((c) => c <= 0)),
  $type: typeMatch,
};

const COMPARISON_OPS = {
  $eq: exprCompare((c) => c === 0),
  $ne: exprCompare((c) => c !== 0),
  $gt: exprCompare((c) => c > 0),
  $gte: exprCompare((c) => c >= 0),
  $lt: exprCompare((c) => c < 0),
  $lte: exprCompare((c) => c <= 0),
  $cmp: expressionOrder,
  $in: (obj: AnyObject, expr: unknown, options: Options) => {
    const [value, list] = evalExpr(obj, expr, options) as unknown[];
    if (!Array.isArray(list)) throw new CommandError(40081, '$in requires an array as a second argument');
    return list.some((x) => valuesEqual(x, value));
  },
};

const EXPRESSION_OPS = {
  ...TYPED_EXPRESSIONS,
  ...COMPARISON_OPS,
  $add: exprArithmetic('$add'),
  $multiply: exprArithmetic('$multiply'),
  $subtract: exprArithmetic('$subtract'),
};

const ACCUMULATOR_OPS = {
  $sum: (coll: AnyObject[], expr: unknown, options: Options) =>
    typeof expr === 'number' || bsonType(expr) === 'Double'
      ? withType(coll.length * (plainNumber(expr) as number), valueType(expr))
      : typedSum(accumulated(coll, expr, options)),
  $min: extreme(-1),
  $max: extreme(1),
  $avg: (coll: AnyObject[], expr: unknown, options: Options) => {
    const nums = accumulated(coll, expr, options).filter(isNumeric).map(plainNumber);
    if (nums.some((v) => typeof v === 'object')) throw new CommandError(Code.NotImplemented, '$avg over Decimal128 is not supported');
    // Always a double in MongoDB, also when the mean is integral.
    return nums.length ? asDouble(Number(sumOf(nums)) / nums.length) : null;
  },
};

/** mingo's per-evaluation options (ComputeOptions, not exported): a copy with `root` set, as its own stages make. */
type Evaluation = Options & { update(locals: { root: unknown }): Options };
const rooted = (options: Options, root: unknown): Options =>
  ((options.constructor as unknown as { init(o: Options): Evaluation }).init(options) as Evaluation).update({ root });

const PIPELINE_OPS = {
  // mingo puts computed fields before included ones; a server keeps the document's order, computed fields last.
  $project: (coll: Iterator, spec: unknown, options: Options) => {
    if (!isPlainObject(spec)) throw new CommandError(Code.FailedToParse, '$project specification must be an object');
    const project = projector(spec, { find: false, compile: compileFilter, evaluate: (doc, expr) => evalExpr(doc, expr, rooted(options, doc)) });
    return coll.map((doc) => project(doc as Document));
  },
  $sort: (coll: Iterator, spec: unknown) => Lazy(sortDocuments(coll.collect() as Document[], spec as Document)),
  // Our own (window-fields.ts): mingo's runs through $function and on plain numbers.
  $setWindowFields: (coll: Iterator, spec: unknown, options: Options) => Lazy(setWindowFields(coll.collect() as Document[], spec, options)),
  $out: () => {
    throw new CommandError(Code.NotImplemented, '$out is not supported by mongo-memory');
  },
  $merge: () => {
    throw new CommandError(Code.NotImplemented, '$merge is not supported by mongo-memory');
  },
};

// mingo merges contexts first-wins and copies the whole context for every query, update and
// pipeline, so each use gets a context holding what it needs, our operators over mingo's.
// (mingo's operator typings intersect every operator's signature; ours match the runtime contract.)
type Ops = Parameters<typeof Context.init>[0];
const context = (ops: Record<string, object>): Context => Context.init(ops as unknown as Ops);

const OPTIONS = { idKey: '_id', useStrictMode: true, scriptEnabled: false, processingMode: ProcessingMode.CLONE_OFF };

/** Filters and projections: query, expression ($expr) and projection operators. */
const FILTER_OPTIONS: Partial<Options> = {
  ...OPTIONS,
  context: context({
    query: { ...queries, ...QUERY_OPS },
    expression: EXPRESSION_OPS,
    projection: projections,
  }),
};

const PIPELINE_CONTEXT = context({
  projection: projections,
  window: windows,
  query: { ...queries, ...QUERY_OPS },
  expression: EXPRESSION_OPS,
  accumulator: { ...TYPED_ACCUMULATORS, ...ACCUMULATOR_OPS },
  pipeline: { ...pipelineOps, ...TYPED_STAGES, ...PIPELINE_OPS },
});

/** Whether a value holds an int64 (bigint) anywhere. */
export function hasBigInt(v: unknown): boolean {
  if (typeof v === 'bigint') return true;
  if (Array.isArray(v)) return v.some(hasBigInt);
  return isPlainObject(v) && Object.values(v).some(hasBigInt);
}

let bigIntJsonDepth = 0;

/**
 * Runs mingo code over arguments holding int64. mingo's Query builds its (unused) error message
 * with JSON.stringify(condition) on every compile, which throws on a bigint; while `fn` runs,
 * bigints stringify as their digits. Left as it was afterwards (and untouched if someone else defined it).
 */
export function withInt64<T>(fn: () => T): T {
  const proto = BigInt.prototype as unknown as { toJSON?: () => string };
  if (bigIntJsonDepth === 0 && proto.toJSON) return fn();
  if (bigIntJsonDepth++ === 0) {
    Object.defineProperty(proto, 'toJSON', {
      value(this: bigint) {
        return this.toString();
      },
      configurable: true,
      writable: true,
    });
  }
  try {
    return fn();
  } finally {
    if (--bigIntJsonDepth === 0) delete proto.toJSON;
  }
}

/** Expressions in find projections. */
const EXPRESSION_OPTIONS = { ...OPTIONS, context: PIPELINE_CONTEXT } as Options;

/** A command's `let`: each variable's expression evaluated once, as a server does. */
export function letVariables(spec: unknown): Document | undefined {
  if (spec === undefined) return undefined;
  if (!isPlainObject(spec)) throw new CommandError(Code.TypeMismatch, "BSON field 'let' is the wrong type, expected type 'object'");
  const out: Document = {};
  for (const [name, expr] of Object.entries(spec)) {
    if (!/^[a-z\u0080-\uffff][\w\u0080-\uffff]*$/.test(name))
      throw new CommandError(Code.FailedToParse, `'${name}' starts with an invalid character for a user variable name`);
    out[name] = evalExpr({}, expr, EXPRESSION_OPTIONS);
  }
  return out;
}

/** `variables`: the command's `let`, for `$$name` in `$expr`. */
export function compileFilter(filter: Document, variables?: Document): Predicate {
  if (!isPlainObject(filter)) throw new CommandError(Code.TypeMismatch, 'filter must be an object');
  if (Object.keys(filter).length === 0) return () => true;
  const simple = equalityPredicate(filter);
  if (simple) return simple;
  const options = variables ? { ...FILTER_OPTIONS, variables } : FILTER_OPTIONS;
  // $mod is mingo's: it sees documents without `Double`s ($expr's operators are typed: expression-types.ts).
  const plain = usesMingoArithmetic(filter) ? withPlainNumbers : <T>(doc: T) => doc;
  if (!hasBigInt(filter)) {
    const query = new Query(filter, options);
    return (doc) => query.test(plain(doc));
  }
  const query = withInt64(() => new Query(filter, options));
  return (doc) => withInt64(() => query.test(plain(doc)));
}

/** Values whose `{field: value}` test is plain equality (no regex, null, array or document semantics). */
const isScalarOperand = (v: unknown): boolean =>
  typeof v === 'string' ||
  typeof v === 'number' ||
  typeof v === 'bigint' ||
  typeof v === 'boolean' ||
  v instanceof Date ||
  bsonType(v) === 'ObjectId';

/**
 * The commonest filter, `{_id: id}` or `{field: value}` on top-level fields, tested directly: building
 * a mingo Query copies its whole operator context and cost more than the rest of a find by _id.
 * Same test as mingo's `$eq` (our `eq`): the value, or an element of an array holding it.
 */
function equalityPredicate(filter: Document): Predicate | undefined {
  const keys = Object.keys(filter);
  for (const k of keys) if (k.startsWith('$') || k.includes('.') || k === '__proto__' || !isScalarOperand(filter[k])) return undefined;
  if (keys.length === 1) {
    const [k] = keys;
    const value = filter[k];
    return (doc) => eq(Object.hasOwn(doc, k) ? doc[k] : undefined, value, 0);
  }
  return (doc) => keys.every((k) => eq(Object.hasOwn(doc, k) ? doc[k] : undefined, filter[k], 0));
}

function usesMingoArithmetic(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(usesMingoArithmetic);
  return isPlainObject(v) && Object.entries(v).some(([k, x]) => k === '$mod' || usesMingoArithmetic(x));
}

/**
 * Runs a pipeline one stage at a time. Documents keep their BSON types through every stage
 * (expression-types.ts, pipeline-stages.ts); mingo mutates what it reshapes, so a stage that may
 * reshape reads copies. Filtering and ordering stages work on the documents themselves.
 */
export function runPipeline(docs: Document[], pipeline: Document[], lookup: (coll: string) => Document[], variables?: Document): Document[] {
  const options: Partial<Options> = {
    ...OPTIONS,
    variables,
    context: PIPELINE_CONTEXT,
    collectionResolver: (name: string) => lookup(name).map(cloneValue),
  };
  const stages = holdsDouble(pipeline) ? typedPipeline(pipeline) : pipeline;
  const run = () => stages.reduce<Document[]>((input, stage) => runStage(input, stage, options, variables), docs);
  return hasBigInt(pipeline) ? withInt64(run) : run();
}

/** Stages that only pick documents: they run on the documents themselves. */
const PASS_THROUGH = new Set(['$limit', '$skip', '$sample']);

function runStage(input: Document[], stage: Document, options: Partial<Options>, variables?: Document): Document[] {
  const name = isPlainObject(stage) ? Object.keys(stage)[0] : undefined;
  if (name === '$match' && isPlainObject(stage.$match)) return input.filter(compileFilter(stage.$match, variables));
  if (name === '$sort' && isPlainObject(stage.$sort)) return sortDocuments(input, stage.$sort);
  if (name !== undefined && PASS_THROUGH.has(name)) return new Aggregator([stage], options).run(input) as Document[];
  // $redact answers nothing for a pruned document.
  return (new Aggregator([stage], options).run(input.map(cloneValue)) as (Document | undefined)[]).filter((d): d is Document => d !== undefined);
}

// ---- sort and projection ------------------------------------------------------------------------

/** find's projection (with the query, for the positional `.$`). */
export function projectDocuments(docs: Document[], projection: Document | undefined, filter?: Document): Document[] {
  if (!projection || Object.keys(projection).length === 0) return docs;
  const run = () => {
    const project = projector(projection, {
      find: true,
      filter,
      compile: compileFilter,
      evaluate: (doc, expr) => evalExpr(doc, expr, EXPRESSION_OPTIONS),
    });
    return docs.map(project);
  };
  return hasBigInt(projection) ? withInt64(run) : run();
}
export { sortDocuments } from './sort-order';
