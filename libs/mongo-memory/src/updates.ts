import { ObjectId, type Document } from 'bson';
import { CommandError, Code } from './errors';
import { runPipeline } from './query';
import { applyModifier } from './update-operators';
import { cloneValue, isPlainObject, setPath, valuesEqual } from './values';

/**
 * Update documents as a server does: operator updates (through mingo, with int64/Decimal128
 * arithmetic and $setOnInsert done here), replacements and pipeline updates. The stored document
 * is never touched: every update works on a copy.
 */

const OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$pop',
  '$bit',
  '$currentDate',
  '$setOnInsert',
]);
const PIPELINE_STAGES = new Set(['$addFields', '$set', '$project', '$unset', '$replaceRoot', '$replaceWith']);

export type UpdateKind = 'update' | 'replace';

export function updateKind(u: unknown): UpdateKind {
  if (Array.isArray(u)) return 'update';
  if (!isPlainObject(u)) throw new CommandError(Code.FailedToParse, 'Update argument must be either an object or an array');
  const keys = Object.keys(u);
  const ops = keys.filter((k) => k.startsWith('$'));
  if (ops.length && ops.length !== keys.length) {
    throw new CommandError(
      Code.FailedToParse,
      `Unknown modifier: ${keys.find((k) => !k.startsWith('$'))}. Expected a valid update modifier or pipeline-style update specified as an array`,
    );
  }
  return ops.length ? 'update' : 'replace';
}

export interface UpdateOptions {
  arrayFilters?: Document[];
  /** The query that matched the document; needed for the positional `$` operator. */
  filter?: Document;
  /** The update inserts a new document (upsert): $setOnInsert applies. */
  inserting?: boolean;
  /** The command's `let` variables, for pipeline updates. */
  variables?: Document;
}

/** Returns the updated copy of `doc` (which stays untouched). */
export function applyUpdate(doc: Document, u: Document | Document[], options: UpdateOptions = {}): Document {
  let out: Document;
  if (Array.isArray(u)) {
    for (const stage of u) {
      const name = Object.keys(stage)[0];
      if (!PIPELINE_STAGES.has(name)) throw new CommandError(Code.InvalidOptions, `${name} is not allowed to be used within an update`);
    }
    out = runPipeline([doc], u, () => [], options.variables)[0];
    // A pipeline that drops _id keeps it, as on a server (only changing it is refused).
    if (out._id === undefined && doc._id !== undefined) out = { _id: doc._id, ...out };
  } else if (updateKind(u) === 'replace') {
    out = { _id: doc._id, ...cloneValue(u) };
    if (u._id === undefined && doc._id === undefined) delete out._id;
  } else {
    out = applyOperators(cloneValue(doc), u, options);
  }
  if (doc._id !== undefined && !valuesEqual(doc._id, out._id)) {
    throw new CommandError(Code.ImmutableField, "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  return out;
}

function applyOperators(doc: Document, u: Document, options: UpdateOptions): Document {
  const modifier: Document = {};
  for (const [op, fields] of Object.entries(u)) {
    if (!OPERATORS.has(op)) {
      throw new CommandError(
        Code.FailedToParse,
        `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    }
    if (!isPlainObject(fields)) throw new CommandError(Code.FailedToParse, `Modifiers operate on fields but we found type ${typeof fields} instead`);
    if (op === '$setOnInsert') {
      if (options.inserting) modifier.$set = { ...modifier.$set, ...fields };
      continue;
    }
    modifier[op] = { ...modifier[op], ...fields };
  }
  checkConflicts(modifier);
  setId(doc, modifier);
  if (Object.keys(modifier).length) applyModifier(doc, modifier, { filter: options.filter, arrayFilters: options.arrayFilters });
  return doc;
}

const immutableId = () => new CommandError(Code.ImmutableField, "Performing an update on the path '_id' would modify the immutable field '_id'");

/**
 * `_id` in an update: a server refuses only a change. `$set` (or `$setOnInsert`) of the same value
 * is a no-op, and on an upsert without `_id` in the filter it gives the new document its `_id`.
 * (mingo refuses any `_id` path, so it is taken out of the modifier here.)
 */
function setId(doc: Document, modifier: Document): void {
  for (const [op, fields] of Object.entries(modifier) as [string, Document][]) {
    for (const path of Object.keys(fields)) {
      if (path !== '_id' && !path.startsWith('_id.')) continue;
      if (op !== '$set' || path !== '_id') throw immutableId();
      if (doc._id !== undefined && !valuesEqual(fields._id, doc._id)) throw immutableId();
      if (doc._id === undefined) doc._id = cloneValue(fields._id);
      delete fields._id;
      if (Object.keys(fields).length === 0) delete modifier[op];
    }
  }
}

function checkConflicts(modifier: Document): void {
  const paths: string[] = [];
  for (const [op, fields] of Object.entries(modifier)) {
    for (const [path, target] of Object.entries(fields as Document)) {
      paths.push(path);
      if (op === '$rename') paths.push(String(target));
    }
  }
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (a === b || b.startsWith(a + '.')) {
      throw new CommandError(Code.ConflictingUpdateOperators, `Updating the path '${b}' would create a conflict at '${a}'`);
    }
  }
}

// ---- upserts ------------------------------------------------------------------------------------

const NONE = Symbol('none');

/** The value an equality condition pins a field to, or NONE. */
function equalityValue(v: unknown): unknown {
  if (v instanceof RegExp) return NONE;
  if (!isPlainObject(v)) return v;
  const keys = Object.keys(v);
  if (!keys.some((k) => k.startsWith('$'))) return v;
  if (keys.length === 1 && keys[0] === '$eq') return v.$eq;
  if (keys.length === 1 && keys[0] === '$in' && Array.isArray(v.$in) && v.$in.length === 1) return v.$in[0];
  return NONE;
}

/** Fields fixed by the filter's equalities (through $and), as a server seeds an upserted document. */
export function equalityFields(filter: Document, out: Document = {}): Document {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const sub of value) equalityFields(sub as Document, out);
    } else if (!key.startsWith('$')) {
      const v = equalityValue(value);
      if (v !== NONE) out[key] = v;
    }
  }
  return out;
}

/** The document an upsert inserts when nothing matched. */
export function upsertDocument(filter: Document, u: Document | Document[], variables?: Document): Document {
  const pinned = equalityFields(filter);
  let doc: Document;
  if (!Array.isArray(u) && updateKind(u) === 'replace') {
    doc = cloneValue(u);
    if (doc._id === undefined && pinned._id !== undefined) doc._id = cloneValue(pinned._id);
  } else {
    const seed: Document = {};
    for (const [path, value] of Object.entries(pinned)) setPath(seed, path, cloneValue(value));
    doc = applyUpdate(seed, u, { inserting: true, variables });
    if (pinned._id !== undefined && !valuesEqual(doc._id, pinned._id)) {
      throw new CommandError(Code.ImmutableField, "Performing an update on the path '_id' would modify the immutable field '_id'");
    }
  }
  const { _id = new ObjectId(), ...rest } = doc;
  return { _id, ...rest };
}
