import type { Document } from 'bson';
import type { Collection } from '../collections';
import { CommandError, Code } from '../errors';
import { holdsDouble, typedPipeline } from '../pipeline-stages';
import { runPipeline } from '../query';
import { isPlainObject, keyString, pathValues } from '../values';
import { changeStream } from './change-stream';
import { localSessions } from './list-sessions';
import { collectionName, indexedSort, matching, rejectOptions, shape, type Ctx, type Handler, type Matches } from './context';

const find: Handler = (cmd, ctx) => {
  rejectOptions(cmd, ['collation', 'tailable', 'awaitData', 'returnKey', 'showRecordId', 'min', 'max']);
  const name = collectionName(cmd, 'find');
  const coll = ctx.engine.storage.collection(ctx.db, name);
  const filter = cmd.filter as Document | undefined;
  const limit = Number(cmd.limit ?? 0);
  const skip = Number(cmd.skip ?? 0);
  // A sort with a limit walks an index in order when one serves it; the documents come sorted.
  const walked = indexedSort(ctx, coll, filter, cmd.sort, skip + Math.abs(limit), cmd.hint);
  const m = walked ?? matching(ctx, coll, filter, cmd.hint);
  const docs = shape(m, {
    sort: walked ? undefined : (cmd.sort as Document | undefined),
    skip,
    limit: Math.abs(limit),
    projection: cmd.projection as Document | undefined,
    filter: cmd.filter as Document | undefined,
  });
  return ctx.engine.cursors.first(`${ctx.db}.${name}`, docs, cmd.batchSize, cmd.singleBatch === true || limit < 0);
};

const getMore: Handler = (cmd, ctx) => {
  if (typeof cmd.getMore !== 'bigint') throw new CommandError(Code.TypeMismatch, 'getMore requires an int64 cursor id');
  return ctx.engine.cursors.getMore(cmd.getMore, collectionName(cmd, 'collection'), ctx.db, cmd.batchSize, cmd.maxTimeMS);
};

const killCursors: Handler = (cmd, ctx) => {
  if (!Array.isArray(cmd.cursors)) throw new CommandError(Code.TypeMismatch, 'killCursors requires a cursors array');
  return ctx.engine.cursors.kill(cmd.cursors as bigint[]);
};

const count: Handler = (cmd, ctx) => {
  rejectOptions(cmd, ['collation']);
  const coll = ctx.engine.storage.collection(ctx.db, collectionName(cmd, 'count'));
  let n = matching(ctx, coll, cmd.query as Document | undefined, cmd.hint).docs.length;
  n = Math.max(0, n - Number(cmd.skip ?? 0));
  if (cmd.limit) n = Math.min(n, Math.abs(Number(cmd.limit)));
  return { n, ok: 1 };
};

const distinct: Handler = (cmd, ctx) => {
  rejectOptions(cmd, ['collation']);
  if (typeof cmd.key !== 'string') throw new CommandError(Code.TypeMismatch, 'distinct requires a string key');
  const coll = ctx.engine.storage.collection(ctx.db, collectionName(cmd, 'distinct'));
  const seen = new Map<string, unknown>();
  for (const doc of matching(ctx, coll, cmd.query as Document | undefined, cmd.hint).docs) {
    for (const v of pathValues(doc, cmd.key)) if (!seen.has(keyString(v))) seen.set(keyString(v), v);
  }
  return { values: [...seen.values()], ok: 1 };
};

const SCORE = '__mm_textScore';
const isTextScore = (v: unknown): boolean => isPlainObject(v) && v.$meta === 'textScore';

/** Replaces `{$meta: 'textScore'}` by a hidden field the pipeline can read. */
function withScoreField(v: unknown): unknown {
  if (isTextScore(v)) return '$' + SCORE;
  if (Array.isArray(v)) return v.map(withScoreField);
  if (!isPlainObject(v)) return v;
  if (isPlainObject(v.$sort)) {
    return { $sort: Object.fromEntries(Object.entries(v.$sort).map(([k, d]) => (isTextScore(d) ? [SCORE, -1] : [k, d]))) };
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withScoreField(x)]));
}

/**
 * `[$match], $sort, [$skip], $limit` at the head of a pipeline: the first skip + limit documents from
 * an index walk when one serves the sort. The stages still run, over those few documents.
 */
function sortedHead(ctx: Ctx, coll: Collection | undefined, match: Document | undefined, stages: Document[], hint: unknown): Matches | undefined {
  const [sort, next, after] = stages;
  if (!isPlainObject(sort) || !isPlainObject(sort.$sort)) return undefined;
  const skip = next?.$skip !== undefined ? next.$skip : 0;
  const limit = next?.$skip !== undefined ? after?.$limit : next?.$limit;
  if (typeof skip !== 'number' || typeof limit !== 'number' || !Number.isInteger(skip + limit) || skip < 0 || limit <= 0) return undefined;
  return indexedSort(ctx, coll, match, sort.$sort, skip + limit, hint);
}

const aggregate: Handler = (cmd, ctx) => {
  rejectOptions(cmd, ['collation', 'explain']);
  if (!Array.isArray(cmd.pipeline)) throw new CommandError(Code.TypeMismatch, "'pipeline' option must be specified as an array");
  // Double literals stay `Double`s only where they are values (pipeline-stages.ts).
  const pipeline = holdsDouble(cmd.pipeline) ? typedPipeline(cmd.pipeline) : (cmd.pipeline as Document[]);
  if (!isPlainObject(cmd.cursor))
    throw new CommandError(Code.FailedToParse, "The 'cursor' option is required, except for aggregate with the explain argument");
  const collName = cmd.aggregate === 1 ? undefined : collectionName(cmd, 'aggregate');
  const first = pipeline[0] as Document | undefined;
  if (first?.$changeStream !== undefined) return changeStream(cmd, ctx, collName, pipeline);
  if (collName === undefined && first?.$listLocalSessions !== undefined) {
    const out = runPipeline(localSessions(first.$listLocalSessions, ctx), pipeline.slice(1), () => [], ctx.variables);
    return ctx.engine.cursors.first(`${ctx.db}.$cmd.aggregate`, out, (cmd.cursor as Document).batchSize);
  }
  if (collName === undefined && first?.$documents === undefined) {
    throw new CommandError(Code.NotImplemented, 'aggregate: 1 is only supported with $changeStream, $documents or $listLocalSessions');
  }
  const storage = ctx.engine.storage;
  const coll = collName ? storage.collection(ctx.db, collName) : undefined;
  const leadingMatch = isPlainObject(first?.$match) ? (first!.$match as Document) : undefined;
  let rest = leadingMatch ? pipeline.slice(1) : pipeline;
  const m: Matches = collName ? (sortedHead(ctx, coll, leadingMatch, rest, cmd.hint) ?? matching(ctx, coll, leadingMatch, cmd.hint)) : { docs: [] };
  let input = m.docs;
  if (m.scores) {
    input = m.docs.map((d) => ({ ...d, [SCORE]: m.scores!.get(d) }));
    rest = withScoreField(rest) as Document[];
  }
  const lookup = (name: string) => storage.scan(storage.collection(ctx.db, name), {}, ctx.txn);
  let out = runPipeline(input, rest, lookup, ctx.variables);
  if (m.scores) out = out.map(({ [SCORE]: _score, ...doc }) => doc);
  return ctx.engine.cursors.first(collName ? `${ctx.db}.${collName}` : `${ctx.db}.$cmd.aggregate`, out, (cmd.cursor as Document).batchSize);
};

export const readCommands: Record<string, Handler> = { find, getMore, killCursors, count, distinct, aggregate };
