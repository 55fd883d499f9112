import { calculateObjectSize, type Document } from 'bson';
import type { Collection } from '../collections';
import { CommandError, Code } from '../errors';
import type { Engine } from '../engine';
import { inHintOrder, resolveHint } from '../hint';
import { candidateIds } from '../indexes';
import { sortedWalk } from '../ordered-plan';
import { compileFilter, projectDocuments, sortDocuments } from '../query';
import type { Write } from '../storage';
import { parseTextParams } from '../text';
import type { Session, Transaction } from '../transactions';
import { isPlainObject, keyString } from '../values';

export interface Ctx {
  engine: Engine;
  db: string;
  connectionId: number;
  session?: Session;
  txn?: Transaction;
  /** The command's `let` variables, evaluated. */
  variables?: Document;
}

export type Handler = (cmd: Document, ctx: Ctx) => Document | Promise<Document>;

export function collectionName(cmd: Document, name: string): string {
  const value = cmd[name];
  if (typeof value !== 'string' || !value) throw new CommandError(Code.InvalidNamespace, `collection name has invalid type ${typeof value}`);
  return value;
}

export const MAX_BSON_SIZE = 16 * 1024 * 1024;

export function write(ctx: Ctx, w: Write): void {
  if (w.after) {
    const size = calculateObjectSize(w.after);
    if (size > MAX_BSON_SIZE) {
      throw new CommandError(
        Code.BSONObjectTooLarge,
        w.op === 'insert'
          ? `object to insert too large. size in bytes: ${size}, max size: ${MAX_BSON_SIZE}`
          : `Resulting document after update is larger than ${MAX_BSON_SIZE}`,
      );
    }
  }
  if (ctx.txn) ctx.txn.stage(w);
  else ctx.engine.storage.writeNow(w);
}

export const readDoc = (ctx: Ctx, coll: Collection, id: string): Document | undefined => (ctx.txn ? ctx.txn.read(coll, id) : coll.docs.get(id)?.doc);

export function rejectOptions(cmd: Document, names: string[]): void {
  for (const name of names) {
    if (cmd[name] === undefined || cmd[name] === false) continue;
    if (name === 'collation' && isPlainObject(cmd.collation) && cmd.collation.locale === 'simple') continue;
    throw new CommandError(Code.NotImplemented, `option '${name}' is not supported by mongo-memory`);
  }
}

/** Documents matching a filter, with text scores when it holds a $text clause. */
export interface Matches {
  docs: Document[];
  scores?: Map<Document, number>;
}

/** Splits a top-level $text clause (directly or in a top-level $and) from the rest of the filter. */
function splitText(filter: Document): { text?: unknown; rest: Document } {
  if (filter.$text !== undefined) {
    const { $text, ...rest } = filter;
    return { text: $text, rest };
  }
  if (Array.isArray(filter.$and)) {
    const i = filter.$and.findIndex((c: unknown) => isPlainObject(c) && c.$text !== undefined);
    if (i >= 0) {
      const clause = filter.$and[i] as Document;
      const { text, rest } = splitText(clause);
      const and = [...filter.$and.slice(0, i), rest, ...filter.$and.slice(i + 1)];
      return { text, rest: { ...filter, $and: and } };
    }
  }
  return { rest: filter };
}

/**
 * `{_id: value}` with a plain value (not an operator object, array or regex): one lookup, as the
 * server's IDHACK plan does, without compiling the filter or planning a scan.
 */
function byId(ctx: Ctx, coll: Collection | undefined, filter: Document | null): Matches | undefined {
  if (!filter) return undefined;
  let keys = 0;
  for (const k in filter) if (++keys > 1 || k !== '_id') return undefined;
  const v = filter._id;
  if (v === undefined || isPlainObject(v) || Array.isArray(v) || v instanceof RegExp) return undefined;
  const doc = coll && readDoc(ctx, coll, keyString(v));
  if (!doc) return { docs: [] };
  coll!.examined++;
  return { docs: [doc] };
}

/** The documents a filter matches, in natural order or in the order of the command's `hint` (hint.ts). */
export function matching(ctx: Ctx, coll: Collection | undefined, filter: Document = {}, hint?: unknown): Matches {
  const found = hint === undefined ? byId(ctx, coll, filter) : undefined;
  if (found) return found;
  const { text, rest } = splitText(filter ?? {});
  const hinted = resolveHint(coll, hint);
  if (hinted && text !== undefined) throw new CommandError(Code.BadValue, 'text and hint not allowed in same query');
  const predicate = compileFilter(rest, ctx.variables);
  if (text === undefined) {
    const docs = ctx.engine.storage.scan(coll, rest, ctx.txn).filter(predicate);
    return { docs: hinted ? inHintOrder(docs, hinted) : docs };
  }
  const params = parseTextParams(text);
  const index = coll?.textIndex;
  if (!index?.text) throw new CommandError(Code.IndexNotFound, 'text index required for $text query');
  const query = index.text.query(params);
  // Candidates hold one of the terms in the index; the query then scores and filters them.
  const ids = new Set<string>();
  for (const term of query.terms) for (const id of index.lookup('t' + term) ?? []) ids.add(id);
  const scores = new Map<Document, number>();
  const docs = ctx.engine.storage.scan(coll, rest, ctx.txn, ids).filter((doc) => {
    if (!predicate(doc)) return false;
    const score = query.score(doc);
    if (score === undefined) return false;
    scores.set(doc, score);
    return true;
  });
  return { docs, scores };
}

/**
 * A sort with a limit answered by walking an ordered index (ordered-plan.ts): the first skip + limit
 * matching documents in sort order, or undefined when the sort needs the whole collection sorted
 * (no index serves it, a transaction, $text) or an equality on a hash index picks fewer candidates.
 */
export function indexedSort(
  ctx: Ctx,
  coll: Collection | undefined,
  filter: Document = {},
  sort: unknown,
  need: number,
  hint?: unknown,
): Matches | undefined {
  // A hinted plan reads what the hint names (matching), then sorts.
  if (!coll || ctx.txn || !isPlainObject(sort) || !(need > 0) || !isPlainObject(filter) || resolveHint(coll, hint)) return undefined;
  const { text, rest } = splitText(filter);
  if (text !== undefined || candidateIds(coll.indexes.values(), rest)) return undefined;
  const docs = sortedWalk(coll, rest, compileFilter(rest, ctx.variables), sort, need);
  return docs && { docs };
}

const isTextScore = (v: unknown): boolean => isPlainObject(v) && v.$meta === 'textScore';

/** Sort, skip, limit and projection, with `{$meta: 'textScore'}` in sort and projection. */
export function shape(m: Matches, opts: { sort?: Document; skip?: number; limit?: number; projection?: Document; filter?: Document }): Document[] {
  let docs = m.docs;
  if (opts.sort && Object.keys(opts.sort).length) {
    const metaFields = Object.keys(opts.sort).filter((k) => isTextScore(opts.sort![k]));
    if (metaFields.length && !m.scores) throw new CommandError(Code.BadValue, 'textScore is only available with a $text query');
    const spec = Object.fromEntries(Object.entries(opts.sort).map(([k, v]) => [k, isTextScore(v) ? -1 : v]));
    const scored = metaFields.length ? docs.map((d) => ({ ...d, [metaFields[0]]: m.scores!.get(d) })) : docs;
    const order = new Map(scored.map((s, i) => [s, docs[i]]));
    docs = sortDocuments(scored, spec).map((s) => order.get(s)!);
  }
  if (opts.skip) docs = docs.slice(opts.skip);
  if (opts.limit) docs = docs.slice(0, opts.limit);
  if (opts.projection === undefined) return docs;
  const projection = opts.projection;
  const meta = Object.keys(projection).filter((k) => isTextScore(projection[k]));
  if (meta.length && !m.scores) throw new CommandError(Code.BadValue, 'textScore is only available with a $text query');
  const plain = Object.fromEntries(Object.entries(projection).filter(([k]) => !meta.includes(k)));
  const projected = projectDocuments(docs, plain, opts.filter);
  if (meta.length) return projected.map((d, i) => ({ ...d, [meta[0]]: m.scores!.get(docs[i]) }));
  return projected;
}
