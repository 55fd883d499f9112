import { Aggregator } from 'mingo/aggregator';
import { evalExpr } from 'mingo/core';
import { Lazy, type Iterator } from 'mingo/lazy';
import * as pipelineOps from 'mingo/operators/pipeline';
import type { Options } from 'mingo/types';
import type { Document } from 'bson';
import { CommandError } from './errors';
import { fill } from './fill-stages';
import { valueType, wider, withType } from './numeric-types';
import { sortDocuments } from './sort-order';
import { bsonType, cloneValue, compareValues, isPlainObject, keyString, pathValues, plainNumber, typeRank, withPlainNumbers } from './values';

/**
 * Pipeline stages over documents that keep their BSON types (#20; see expression-types.ts). Most of
 * mingo's stages only move values and are used as they are. Replaced here: the stages that compare
 * values by mingo's equality, where 5 and 5.0 (a number and a `Double`) would differ: `$group`,
 * `$sortByCount`, `$lookup`'s localField/foreignField join. The stages that still compute with
 * numbers inside mingo (`$bucket`, `$bucketAuto`, `$densify`, `$fill`, `$setWindowFields`,
 * `$graphLookup`) run on plain copies, as every stage did before.
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
 * `$bucket` as the server runs it: a `$group` whose `_id` is a `$switch` over the boundaries (each
 * bucket's `_id` the lower boundary as given, a value in no bucket the default or error 40066), then
 * a sort on `_id`. Our `$group` and accumulators keep the values' types.
 */
const bucket: StageFn = (coll, expr, options) => {
  const spec = expr as Document;
  const bounds = isPlainObject(spec) ? spec.boundaries : undefined;
  if (!Array.isArray(bounds) || spec.groupBy === undefined) return plainStage(pipelineOps.$bucket as unknown as StageFn)(coll, expr, options);
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

/**
 * `$bucketAuto` as the server fills its buckets: the documents in `groupBy` order, about n/buckets
 * in each (rounded), equal values kept in one bucket, the last bucket taking the rest; a bucket's
 * `_id` is `{min, max}` of the values as stored, `max` the next bucket's `min` (the last one's its
 * own largest value). With a `granularity` (boundaries from a number series) it is mingo's, on plain numbers.
 */
const bucketAuto: StageFn = (coll, expr, options) => {
  const spec = expr as Document;
  const buckets = isPlainObject(spec) ? plainNumber(spec.buckets) : undefined;
  if (
    !isPlainObject(spec) ||
    spec.granularity !== undefined ||
    spec.groupBy === undefined ||
    typeof buckets !== 'number' ||
    !Number.isInteger(buckets) ||
    buckets < 1
  )
    return plainStage(pipelineOps.$bucketAuto as unknown as StageFn)(coll, expr, options);
  const keyed = coll.collect<Document>().map((doc) => ({ key: evalExpr(doc, spec.groupBy, options) ?? null, doc }));
  const sorted = sortDocuments(keyed, { key: 1 }) as typeof keyed;
  const size = Math.max(1, Math.round(sorted.length / buckets));
  const filled: { min: unknown; max: unknown; docs: Document[] }[] = [];
  let i = 0;
  while (i < sorted.length && filled.length < buckets) {
    const last = filled.length === buckets - 1;
    const end = last ? sorted.length : Math.min(sorted.length, i + size);
    let j = end;
    while (j < sorted.length && compareValues(sorted[j].key, sorted[end - 1].key) === 0) j++;
    filled.push({ min: sorted[i].key, max: sorted[j - 1].key, docs: sorted.slice(i, j).map((k) => k.doc) });
    i = j;
  }
  const output = isPlainObject(spec.output) ? spec.output : { count: { $sum: 1 } };
  return Lazy(filled.map((b, n) => accumulated({ min: b.min, max: n + 1 < filled.length ? filled[n + 1].min : b.max }, b.docs, output, options)));
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
 * documents as stored, the depth an int64 as on a server.
 */
const graphLookup: StageFn = (coll, expr, options) => {
  const spec = expr as Document;
  const original = pipelineOps.$graphLookup as unknown as StageFn;
  if (!isPlainObject(spec) || typeof spec.as !== 'string') return plainStage(original)(coll, expr, options);
  const evaluation = computeOptions(options);
  const resolver = evaluation.collectionResolver as ((name: string) => Document[]) | undefined;
  const taggedOptions = resolver
    ? computeOptions({ ...evaluation.options, collectionResolver: (name: string) => resolver(name).map(tagged) } as Options, evaluation)
    : evaluation;
  const out = original(Lazy(coll.collect<Document>().map(tagged)), withPlainNumbers(expr), taggedOptions).collect<Tagged>();
  const depthField = typeof spec.depthField === 'string' ? spec.depthField : undefined;
  return Lazy(
    out.map((doc) => {
      const found = (doc[spec.as] as Tagged[]).map((f) => {
        // A copy each time: one foreign document can be found for several input documents.
        const stored = cloneValue(f[ORIGINAL] ?? f);
        return depthField ? Object.assign({ [depthField]: BigInt(f[depthField] as number) }, stored) : stored;
      });
      return { ...(doc[ORIGINAL] ?? doc), [spec.as]: found };
    }),
  );
};

/** `$fill` (fill-stages.ts); a specification it does not read goes to mingo, for its error. */
const fillStage: StageFn = (coll, expr, options) => {
  const docs = coll.collect<Document>();
  const out = isPlainObject(expr) ? fill(docs, expr, options) : undefined;
  return out ? Lazy(out) : plainStage(pipelineOps.$fill as unknown as StageFn)(Lazy(docs), expr, options);
};

/**
 * `$densify`: mingo's, on tagged plain copies (as `$graphLookup`), so the documents it passes on are
 * the stored ones. A generated value is the range's start plus steps, typed as the server's sum: the
 * start's type (the lower bound as given, else the smallest stored value of the range: all
 * documents' for `full`, the partition's for `partition`), widened by the step's type.
 */
const densify: StageFn = (coll, expr, options) => {
  const spec = expr as Document;
  const original = pipelineOps.$densify as unknown as StageFn;
  const range = isPlainObject(spec) ? spec.range : undefined;
  if (!isPlainObject(range) || typeof spec.field !== 'string') return plainStage(original)(coll, expr, options);
  const field = spec.field;
  const docs = coll.collect<Document>();
  const out = original(Lazy(docs.map(tagged)), withPlainNumbers(expr), options).collect<Tagged>();
  const partitionFields = Array.isArray(spec.partitionByFields) ? (spec.partitionByFields as string[]) : [];
  const partitionOf = (doc: Document) => keyString(partitionFields.map((f) => pathValues(doc, f)[0] ?? null));
  const starts = new Map<string, unknown>();
  for (const doc of docs) {
    const v = pathValues(doc, field)[0];
    if (v === undefined || v === null) continue;
    for (const k of [partitionOf(doc), 'all']) if (!starts.has(k) || compareValues(v, starts.get(k)) < 0) starts.set(k, v);
  }
  const stepType = valueType(range.step);
  return Lazy(
    out.map((doc) => {
      if (doc[ORIGINAL]) return doc[ORIGINAL];
      const v = doc[field];
      if (typeof v !== 'number') return doc;
      const start = Array.isArray(range.bounds) ? range.bounds[0] : starts.get(range.bounds === 'full' ? 'all' : partitionOf(doc));
      const startType = valueType(start);
      const type = compareValues(v, start) === 0 || !startType || !stepType ? startType : wider(startType, stepType);
      return { ...doc, [field]: withType(v, type) };
    }),
  );
};

export const TYPED_STAGES: Record<string, StageFn> = {
  $group: group,
  $sortByCount: sortByCount,
  $lookup: lookup,
  $bucket: bucket,
  $graphLookup: graphLookup,
  $fill: fillStage,
  $bucketAuto: bucketAuto,
  $densify: densify,
  ...Object.fromEntries(['$setWindowFields'].map((name) => [name, plainStage((pipelineOps as unknown as Record<string, StageFn>)[name])])),
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
