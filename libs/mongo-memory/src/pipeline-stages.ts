import { Aggregator } from 'mingo/aggregator';
import { evalExpr } from 'mingo/core';
import { Lazy, type Iterator } from 'mingo/lazy';
import * as pipelineOps from 'mingo/operators/pipeline';
import type { Options } from 'mingo/types';
import type { Document } from 'bson';
import { CommandError } from './errors';
import { densify } from './densify-stage';
import { fill } from './fill-stages';
import { granularityRounder, numberOf, type Rounder } from './granularity';
import { typeName } from './expression-types';
import { sortDocuments } from './sort-order';
import { bsonType, cloneValue, compareValues, isPlainObject, keyString, pathValues, setPath, typeRank, withPlainNumbers } from './values';

/**
 * Pipeline stages over documents that keep their BSON types (#20; see expression-types.ts). Most of
 * mingo's stages only move values and are used as they are. Replaced here: the stages that compare
 * values by mingo's equality, where 5 and 5.0 (a number and a `Double`) would differ: `$group`,
 * `$sortByCount`, `$lookup`'s localField/foreignField join, and the stages that compute with numbers
 * (`$bucket`, `$bucketAuto`, `$densify`, `$fill`; `$setWindowFields` is window-fields.ts's).
 * `$graphLookup` searches with mingo over plain copies and answers with the stored documents.
 */

type StageFn = (coll: Iterator, expr: unknown, options: Options) => Iterator;
type Evaluation = Options & { update(locals: { root?: unknown; groupId?: unknown; variables?: Document }): Options; options: Options };
/** mingo's per-evaluation options (ComputeOptions, not exported): a fresh copy of `options`. */
const computeOptions = (options: Options, like: Options = options): Evaluation =>
  (like.constructor as unknown as { init(o: Options): Evaluation }).init(options);

/** `$group`: documents grouped by equal `_id` values as a server compares them (5, 5.0 and Long(5) are one group). */
const group: StageFn = (coll, expr, options) => {
  if (!isPlainObject(expr) || !('_id' in expr)) throw new CommandError(15955, 'a group specification must include an _id');
  const groups = new Map<string, { id: unknown; docs: Document[] }>();
  for (const doc of coll.collect<Document>()) {
    const id = evalExpr(doc, expr._id, options) ?? null;
    const key = keyString(id);
    const g = groups.get(key);
    if (g) g.docs.push(doc);
    else groups.set(key, { id, docs: [doc] });
  }
  return Lazy([...groups.values()].map(({ id, docs }) => accumulated(id, docs, expr, options)));
};

/** A group's output document: `_id`, then each accumulator of `spec` over the group's documents. */
function accumulated(id: unknown, docs: Document[], spec: Document, options: Options): Document {
  const row: Document = { _id: id };
  const evaluation = computeOptions(options).update({ root: null, groupId: id });
  for (const f of Object.keys(spec)) if (f !== '_id') row[f] = evalExpr(docs, spec[f], evaluation);
  return row;
}

/** `$sortByCount`: our `$group`, then by count descending. */
const sortByCount: StageFn = (coll, expr, options) => {
  const groups = group(coll, { _id: expr, count: { $sum: 1 } }, options).collect<Document>();
  return Lazy(groups.sort((a, b) => compareValues(b.count, a.count)));
};

/** The keys a document offers at a join path: each value (array elements too), null when missing. */
function joinKeys(doc: Document, path: string): string[] {
  const values = pathValues(doc, path);
  return values.length ? values.map(keyString) : [keyString(null)];
}

/**
 * `$lookup` with localField/foreignField: equal values as a server compares them, the joined
 * documents in the foreign collection's order; with a pipeline too, it runs on the matches.
 */
const lookup: StageFn = (coll, expr, options) => {
  const spec = expr as Document;
  const original = pipelineOps.$lookup as unknown as StageFn;
  if (!isPlainObject(spec) || typeof spec.from !== 'string' || typeof spec.localField !== 'string' || typeof spec.foreignField !== 'string')
    return original(coll, expr, options);
  const foreign = (options.collectionResolver as (name: string) => Document[])(spec.from);
  const index = new Map<string, number[]>();
  foreign.forEach((doc, i) => {
    for (const k of new Set(joinKeys(doc, spec.foreignField))) index.set(k, [...(index.get(k) ?? []), i]);
  });
  const pipeline = Array.isArray(spec.pipeline) && spec.pipeline.length ? (spec.pipeline as Document[]) : undefined;
  const agg = pipeline && new Aggregator(pipeline, options);
  return coll.map((doc: Document) => {
    const hits = new Set<number>();
    for (const k of joinKeys(doc, spec.localField)) for (const i of index.get(k) ?? []) hits.add(i);
    const matches = [...hits].sort((a, b) => a - b).map((i) => foreign[i]);
    if (!agg) return { ...doc, [spec.as]: matches };
    const variables = spec.let === undefined ? {} : (evalExpr(doc, spec.let, options) as Document);
    return { ...doc, [spec.as]: agg.run(matches.map(cloneValue), computeOptions(options).update({ root: null, variables })) };
  });
};

/**
 * `$bucket` as the server runs it (checked against document_source_bucket.cpp, codes too; the
 * checks of boundaries come before those of the other fields here): a `$group` whose `_id` is a `$switch` over the boundaries (each
 * bucket's `_id` the lower boundary as given, a value in no bucket the default or error 40066), then
 * a sort on `_id`. Our `$group` and accumulators keep the values' types.
 */
const bucket: StageFn = (coll, expr, options) => {
  const spec = expr as Document;
  if (!isPlainObject(spec)) throw new CommandError(40201, 'Argument to $bucket stage must be an object');
  for (const [name, v] of Object.entries(spec)) {
    if (name === 'groupBy') {
      const expression = isPlainObject(v) && Object.keys(v)[0]?.startsWith('$');
      if (!expression && !(typeof v === 'string' && v.startsWith('$')))
        throw new CommandError(40202, "The $bucket 'groupBy' field must be defined as a $-prefixed path or an expression");
    } else if (name === 'boundaries') {
      if (!Array.isArray(v)) throw new CommandError(40200, "The $bucket 'boundaries' field must be an array");
    } else if (name === 'output') {
      if (!isPlainObject(v)) throw new CommandError(40196, "The $bucket 'output' field must be an object");
    } else if (name !== 'default') throw new CommandError(40197, `Unrecognized option to $bucket: ${name}.`);
  }
  const bounds = spec.boundaries as unknown[] | undefined;
  if (spec.groupBy === undefined || !bounds?.length) throw new CommandError(40198, "$bucket requires 'groupBy' and 'boundaries' to be specified.");
  if (bounds.length < 2) throw new CommandError(40192, "The $bucket 'boundaries' field must have at least 2 values");
  bounds.forEach((b, i) => {
    if (i === 0) return;
    if (typeRank(b) !== typeRank(bounds[0]))
      throw new CommandError(40193, "All values in the the 'boundaries' option to $bucket must have the same type");
    if (compareValues(bounds[i - 1], b) >= 0) throw new CommandError(40194, "The 'boundaries' option to $bucket must be sorted in ascending order");
  });
  const hasDefault = 'default' in spec;
  if (
    hasDefault &&
    typeRank(spec.default) === typeRank(bounds[0]) &&
    compareValues(spec.default, bounds[0]) >= 0 &&
    compareValues(spec.default, bounds[bounds.length - 1]) < 0
  )
    throw new CommandError(
      40199,
      "The $bucket 'default' field must be less than the lowest boundary or greater than or equal to the highest boundary",
    );
  const branches = bounds.slice(0, -1).map((lower, i) => ({
    case: { $and: [{ $gte: [spec.groupBy, { $literal: lower }] }, { $lt: [spec.groupBy, { $literal: bounds[i + 1] }] }] },
    then: { $literal: lower },
  }));
  const id = { $switch: hasDefault ? { branches, default: { $literal: spec.default } } : { branches } };
  const output = isPlainObject(spec.output) ? spec.output : { count: { $sum: 1 } };
  return Lazy(sortDocuments(group(coll, { ...output, _id: id }, options).collect<Document>(), { _id: 1 }));
};

/** `$bucketAuto`'s specification, checked in the server's order and with its codes (document_source_bucket_auto.cpp). */
function bucketAutoSpec(spec: unknown): { groupBy: unknown; buckets: number; output: Document; rounder?: Rounder } {
  if (!isPlainObject(spec)) throw new CommandError(40240, 'The argument to $bucketAuto must be an object');
  let buckets: number | undefined;
  let rounder: Rounder | undefined;
  for (const [name, v] of Object.entries(spec)) {
    if (name === 'groupBy') {
      const expression = isPlainObject(v) && Object.keys(v)[0]?.startsWith('$');
      if (!expression && !(typeof v === 'string' && v.length > 1 && v.startsWith('$')))
        throw new CommandError(40239, "The $bucketAuto 'groupBy' field must be defined as a $-prefixed path or an expression object");
    } else if (name === 'buckets') {
      const n = numberOf(v);
      if (n === undefined) throw new CommandError(40241, "The $bucketAuto 'buckets' field must be a numeric value");
      if (!Number.isInteger(n) || Math.abs(n) > 0x7fffffff)
        throw new CommandError(40242, `The $bucketAuto 'buckets' field must be representable as a 32-bit integer, but found ${n}`);
      buckets = n;
    } else if (name === 'output') {
      if (!isPlainObject(v)) throw new CommandError(40244, "The $bucketAuto 'output' field must be an object");
    } else if (name === 'granularity') {
      if (typeof v !== 'string') throw new CommandError(40261, "The $bucketAuto 'granularity' field must be a string");
      rounder = granularityRounder(v);
    } else throw new CommandError(40245, `Unrecognized option to $bucketAuto: ${name}`);
  }
  if (spec.groupBy === undefined || buckets === undefined)
    throw new CommandError(40246, "$bucketAuto requires 'groupBy' and 'buckets' to be specified");
  if (buckets < 1) throw new CommandError(40243, `The $bucketAuto 'buckets' field must be greater than 0, but found: ${buckets}`);
  return { groupBy: spec.groupBy, buckets, output: isPlainObject(spec.output) ? spec.output : { count: { $sum: 1 } }, rounder };
}

/**
 * `$bucketAuto` as the server fills its buckets (checked against document_source_bucket_auto.cpp):
 * the documents in `groupBy` order (missing is null), round(n / buckets) in each (at least one),
 * then the documents equal to the bucket's last value too; the last bucket takes the rest. A
 * bucket's `_id` is `{min, max}` as stored, `max` the next bucket's `min` (the last one's its own
 * largest value). With a `granularity` (granularity.ts) every value must be a non-negative number
 * (40258, 40259, 40260); the first `min` is the smallest value rounded down, a bucket's `max` its
 * largest value rounded up (taking in the following values below that), the next `min` that `max`;
 * a `max` that rounds to 0 becomes the next value rounded down.
 */
const bucketAuto: StageFn = (coll, expr, options) => {
  const { groupBy, buckets, output, rounder } = bucketAutoSpec(expr);
  let keyedAt = 0;
  const keyed = coll.collect<Document>().map((doc) => {
    const key = evalExpr(doc, groupBy, options) ?? null;
    if (rounder) {
      const x = numberOf(key);
      if (x === undefined)
        throw new CommandError(
          40258,
          `$bucketAuto can specify a 'granularity' with numeric boundaries only, but found a value with type: ${typeName(key)}`,
        );
      if (Number.isNaN(x)) throw new CommandError(40259, "$bucketAuto can specify a 'granularity' with numeric boundaries only, but found a NaN");
      if (x < 0) throw new CommandError(40260, "$bucketAuto can specify a 'granularity' with non-negative numbers only, but found a negative number");
    }
    return { key, doc, at: keyedAt++ };
  });
  const sorted = sortDocuments(keyed, { key: 1 }) as typeof keyed;
  const size = Math.max(1, Math.round(sorted.length / buckets));
  const filled: { min: unknown; max: unknown; docs: Document[] }[] = [];
  let i = 0;
  let previousMax: unknown;
  while (i < sorted.length && filled.length < buckets) {
    const end = filled.length === buckets - 1 ? sorted.length : Math.min(sorted.length, i + size);
    const bucket: { min: unknown; max: unknown; docs: Document[] } = {
      min: sorted[i].key,
      max: sorted[end - 1].key,
      docs: sorted.slice(i, end).map((k) => k.doc),
    };
    let j = end;
    if (rounder) {
      if (filled.length === 0) bucket.min = rounder.roundDown(sorted[i].key);
      else bucket.min = previousMax;
      const boundary = rounder.roundUp(bucket.max);
      while (j < sorted.length && (compareValues(boundary, sorted[j].key) > 0 || compareValues(bucket.max, sorted[j].key) === 0)) {
        bucket.max = sorted[j].key;
        bucket.docs.push(sorted[j++].doc);
      }
      bucket.max = numberOf(boundary) === 0 && j < sorted.length ? rounder.roundDown(sorted[j].key) : boundary;
    } else {
      while (j < sorted.length && compareValues(sorted[j].key, bucket.max) === 0) bucket.docs.push(sorted[j++].doc);
      if (j < sorted.length) bucket.max = sorted[j].key;
    }
    previousMax = bucket.max;
    filled.push(bucket);
    i = j;
  }
  // The accumulators see a bucket's documents in their input order (accumulator_for_bucket_auto.cpp:
  // $first, $push, $mergeObjects... follow the original positions; older servers used the sorted order).
  const position = new Map(keyed.map((k) => [k.doc, k.at]));
  const inInputOrder = (docs: Document[]) => [...docs].sort((a, b) => position.get(a)! - position.get(b)!);
  return Lazy(filled.map((b) => accumulated({ min: b.min, max: b.max }, inInputOrder(b.docs), output, options)));
};

/** A mingo stage that computes with numbers itself: it reads plain copies (integral doubles come out as int32). */
function plainStage(original: StageFn): StageFn {
  return (coll, expr, options) => {
    const evaluation = computeOptions(options);
    const resolver = evaluation.collectionResolver;
    // ComputeOptions.init of plain options makes new ComputeOptions holding them.
    const plainOptions = resolver
      ? computeOptions({ ...evaluation.options, collectionResolver: (name: string) => resolver(name).map(withPlainNumbers) } as Options, evaluation)
      : evaluation;
    return original(Lazy(coll.collect().map(withPlainNumbers)), withPlainNumbers(expr), plainOptions);
  };
}

/** Where a plain copy handed to mingo keeps the document it was made from (spread and Object.assign copy it along). */
const ORIGINAL = Symbol('original');
type Tagged = Document & { [ORIGINAL]?: Document };
const tagged = (doc: Document): Tagged => ({ ...withPlainNumbers(doc), [ORIGINAL]: doc });

/**
 * `$graphLookup`: mingo's search (its joins need plain numbers) runs on plain copies that carry
 * their originals; the result is made of the originals: the input document and the foreign
 * documents as stored, the depth an int64 (checked against document_source_graph_lookup.cpp:
 * `long long depth`, set with setNestedField).
 */
const DEPTH = '__mongoMemoryDepth';

const graphLookup: StageFn = (coll, expr, options) => {
  const spec = expr as Document;
  const original = pipelineOps.$graphLookup as unknown as StageFn;
  if (!isPlainObject(spec) || typeof spec.as !== 'string') return plainStage(original)(coll, expr, options);
  const evaluation = computeOptions(options);
  const resolver = evaluation.collectionResolver as ((name: string) => Document[]) | undefined;
  const taggedOptions = resolver
    ? computeOptions({ ...evaluation.options, collectionResolver: (name: string) => resolver(name).map(tagged) } as Options, evaluation)
    : evaluation;
  const depthField = typeof spec.depthField === 'string' ? spec.depthField : undefined;
  // mingo's depth goes to a field of its own (mingo keeps a stored field of the depthField's name).
  const mingoSpec = depthField ? { ...spec, depthField: DEPTH } : spec;
  const out = original(Lazy(coll.collect<Document>().map(tagged)), withPlainNumbers(mingoSpec), taggedOptions).collect<Tagged>();
  return Lazy(
    out.map((doc) => {
      const found = (doc[spec.as] as Tagged[]).map((f) => {
        // A copy each time: one foreign document can be found for several input documents.
        const stored = cloneValue(f[ORIGINAL] ?? f);
        // The server sets the depth as its found document's field (replacing a stored one, else last).
        if (depthField) setPath(stored, depthField, BigInt(f[DEPTH] as number));
        return stored;
      });
      return { ...(doc[ORIGINAL] ?? doc), [spec.as]: found };
    }),
  );
};

/** `$fill` (fill-stages.ts). */
const fillStage: StageFn = (coll, expr, options) => {
  if (!isPlainObject(expr)) throw new CommandError(9, 'The $fill stage specification must be an object');
  return Lazy(fill(coll.collect<Document>(), expr, options));
};

/** `$densify` (densify-stage.ts). */
const densifyStage: StageFn = (coll, expr) => Lazy(densify(coll.collect<Document>(), expr));

export const TYPED_STAGES: Record<string, StageFn> = {
  $group: group,
  $sortByCount: sortByCount,
  $lookup: lookup,
  $bucket: bucket,
  $graphLookup: graphLookup,
  $fill: fillStage,
  $bucketAuto: bucketAuto,
  $densify: densifyStage,
};

// ---- double literals in a pipeline ------------------------------------------------------------------

/** Stages whose specification holds expressions: a double literal there is a value and stays a `Double`. */
const EXPRESSION_STAGES = new Set([
  '$project',
  '$addFields',
  '$set',
  '$replaceRoot',
  '$replaceWith',
  '$group',
  '$bucket',
  '$bucketAuto',
  '$densify',
  '$fill',
  '$setWindowFields',
  '$redact',
  '$documents',
]);

/**
 * A pipeline as received keeps its integral doubles as `Double`s (wire.ts). They stay where they are
 * values (expressions, `$documents`); everywhere else a number is a count, a direction, a bound or a
 * filter operand, which this server reads as a plain number (a filter compares 5 and 5.0 as equal).
 */
export function typedPipeline(pipeline: unknown[]): Document[] {
  return pipeline.map((stage) => {
    if (!isPlainObject(stage)) return stage as Document;
    const name = Object.keys(stage)[0];
    const spec = stage[name];
    if (EXPRESSION_STAGES.has(name)) return stage;
    if (name === '$facet' && isPlainObject(spec)) {
      return { $facet: Object.fromEntries(Object.entries(spec).map(([k, p]) => [k, Array.isArray(p) ? typedPipeline(p) : p])) };
    }
    if ((name === '$lookup' || name === '$unionWith') && isPlainObject(spec)) {
      const { pipeline: sub, ...rest } = spec;
      const out: Document = name === '$lookup' ? { ...withPlainNumbers(rest), let: rest.let } : withPlainNumbers(rest);
      if (out.let === undefined) delete out.let;
      if (sub !== undefined) out.pipeline = Array.isArray(sub) ? typedPipeline(sub) : sub;
      return { [name]: out };
    }
    return withPlainNumbers(stage);
  });
}

/** Whether a pipeline holds a `Double` anywhere (most do not: they are used as they are). */
export function holdsDouble(v: unknown): boolean {
  if (bsonType(v) === 'Double') return true;
  if (Array.isArray(v)) return v.some(holdsDouble);
  return isPlainObject(v) && Object.values(v).some(holdsDouble);
}
