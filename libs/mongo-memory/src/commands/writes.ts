import { ObjectId, type Document } from 'bson';
import type { Collection } from '../collections';
import { CommandError, Code, toCommandError } from '../errors';
import { findAndModifyRetryReply, retryFor, stmtIdOf, updateRetryResult } from '../retryable-writes';
import { applyUpdate, updateKind, upsertDocument } from '../updates';
import { identical, isPlainObject, keyString } from '../values';
import { collectionName, indexedSort, matching, readDoc, rejectOptions, shape, write, type Ctx, type Handler } from './context';

/** Errors of one statement that a server reports in `writeErrors` rather than failing the command. */
function isStatementError(e: CommandError): boolean {
  return e.code !== Code.WriteConflict && e.code !== Code.NoSuchTransaction && e.code !== Code.NotImplemented;
}

/** Runs the statements of an insert/update/delete, collecting writeErrors and stopping at the first if ordered. */
function statements<T>(cmd: Document, items: T[], run: (item: T, index: number) => void): Document[] {
  const errors: Document[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      run(items[i], i);
    } catch (err) {
      const e = toCommandError(err);
      if (!isStatementError(e)) throw e;
      errors.push({ index: i, code: e.code, errmsg: e.message, ...e.extra });
      if (cmd.ordered !== false) break;
    }
  }
  return errors;
}

const withErrors = (reply: Document, errors: Document[]): Document => (errors.length ? { ...reply, writeErrors: errors } : reply);

/** The first `$`-prefixed field name inside a value. */
function dollarField(v: unknown): string | undefined {
  if (Array.isArray(v)) return v.map(dollarField).find((k) => k !== undefined);
  if (!isPlainObject(v)) return undefined;
  for (const [k, x] of Object.entries(v)) {
    const found = k.startsWith('$') ? k : dollarField(x);
    if (found) return found;
  }
  return undefined;
}

function checkId(id: unknown): void {
  if (Array.isArray(id) || id instanceof RegExp)
    throw new CommandError(Code.InvalidIdField, `The '_id' value cannot be of type ${Array.isArray(id) ? 'array' : 'regex'}`);
  const dollar = dollarField(id);
  if (dollar)
    throw new CommandError(Code.DollarPrefixedFieldName, `_id fields may not contain '$'-prefixed fields: ${dollar} is not valid for storage.`);
}

function insertOne(ctx: Ctx, coll: Collection, doc: Document): void {
  checkId(doc._id);
  const id = keyString(doc._id);
  if (readDoc(ctx, coll, id)) throw coll.duplicateKeyError(coll.indexes.get('_id_')!, doc);
  write(ctx, { coll, id, documentId: doc._id, after: doc, op: 'insert' });
}

/** A server generates missing ids and stores _id as the first field. */
function withId(doc: Document): Document {
  if (Object.keys(doc)[0] === '_id') return doc;
  const { _id = new ObjectId(), ...rest } = doc;
  return { _id, ...rest };
}

const insert: Handler = (cmd, ctx) => {
  const docs = cmd.documents;
  if (!Array.isArray(docs)) throw new CommandError(Code.TypeMismatch, 'insert requires a documents array');
  const coll = ctx.engine.storage.ensureCollection(ctx.db, collectionName(cmd, 'insert'));
  const retry = retryFor(cmd, ctx.session, ctx.txn);
  let n = 0;
  const errors = statements(cmd, docs as Document[], (doc, i) => {
    const stmtId = stmtIdOf(cmd, i);
    // Already executed under this txnNumber: counted, not inserted again (write_ops_exec.cpp, as deletes).
    if (retry?.executed.has(stmtId)) return void n++;
    if (!isPlainObject(doc)) throw new CommandError(Code.TypeMismatch, 'documents must be objects');
    const stored = withId(doc);
    insertOne(ctx, coll, stored);
    n++;
    retry?.executed.set(stmtId, { op: 'insert', id: stored._id });
  });
  return withErrors({ n, ok: 1 }, errors);
};

/** Updates one document (or inserts on upsert); returns what changed. */
function updateOneDoc(ctx: Ctx, coll: Collection, before: Document, u: Document | Document[], filter: Document, arrayFilters?: Document[]) {
  const after = applyUpdate(before, u, { arrayFilters, filter, variables: ctx.variables });
  const modified = !identical(before, after);
  if (modified) {
    const op = !Array.isArray(u) && updateKind(u) === 'replace' ? 'replace' : 'update';
    write(ctx, { coll, id: keyString(before._id), documentId: before._id, before, after, op });
  }
  return { after, modified };
}

function upsert(ctx: Ctx, coll: Collection, filter: Document, u: Document | Document[]): Document {
  const doc = upsertDocument(filter, u, ctx.variables);
  insertOne(ctx, coll, doc);
  return doc;
}

const update: Handler = (cmd, ctx) => {
  const updates = cmd.updates;
  if (!Array.isArray(updates)) throw new CommandError(Code.TypeMismatch, 'update requires an updates array');
  const coll = ctx.engine.storage.ensureCollection(ctx.db, collectionName(cmd, 'update'));
  const retry = retryFor(cmd, ctx.session, ctx.txn);
  let n = 0;
  let nModified = 0;
  const upserted: Document[] = [];
  const errors = statements(cmd, updates as Document[], (stmt, index) => {
    const stmtId = stmtIdOf(cmd, index);
    const previous = retry?.executed.get(stmtId);
    if (previous) {
      const r = updateRetryResult(previous);
      n += r.n;
      nModified += r.nModified;
      if (r.upserted !== undefined) upserted.push({ index, _id: r.upserted });
      return;
    }
    rejectOptions(stmt, ['collation', 'sort']);
    const filter = (stmt.q ?? {}) as Document;
    const u = stmt.u as Document | Document[];
    const kind = updateKind(u);
    if (stmt.multi && kind === 'replace') throw new CommandError(Code.FailedToParse, 'multi update is not supported for replacement-style update');
    const found = matching(ctx, coll, filter, stmt.hint).docs;
    const targets = stmt.multi ? found : found.slice(0, 1);
    for (const before of targets) {
      const { modified } = updateOneDoc(ctx, coll, before, u, filter, stmt.arrayFilters as Document[] | undefined);
      n++;
      if (modified) nModified++;
      if (modified && !stmt.multi) retry?.executed.set(stmtId, { op: 'update' });
    }
    if (targets.length === 0 && stmt.upsert) {
      const id = upsert(ctx, coll, filter, u)._id;
      upserted.push({ index, _id: id });
      n++;
      retry?.executed.set(stmtId, { op: 'insert', id });
    }
  });
  const reply: Document = { n, nModified, ok: 1 };
  if (upserted.length) reply.upserted = upserted;
  return withErrors(reply, errors);
};

const remove: Handler = (cmd, ctx) => {
  const deletes = cmd.deletes;
  if (!Array.isArray(deletes)) throw new CommandError(Code.TypeMismatch, 'delete requires a deletes array');
  const coll = ctx.engine.storage.collection(ctx.db, collectionName(cmd, 'delete'));
  const retry = retryFor(cmd, ctx.session, ctx.txn);
  let n = 0;
  const errors = statements(cmd, deletes as Document[], (stmt, index) => {
    const stmtId = stmtIdOf(cmd, index);
    if (retry?.executed.has(stmtId)) return void n++;
    rejectOptions(stmt, ['collation']);
    if (stmt.limit !== 0 && stmt.limit !== 1) throw new CommandError(Code.FailedToParse, 'The limit field in delete objects must be 0 or 1');
    if (!coll) return;
    const found = matching(ctx, coll, (stmt.q ?? {}) as Document, stmt.hint).docs;
    for (const doc of stmt.limit === 1 ? found.slice(0, 1) : found) {
      write(ctx, { coll, id: keyString(doc._id), documentId: doc._id, before: doc, after: null, op: 'delete' });
      n++;
      if (stmt.limit === 1) retry?.executed.set(stmtId, { op: 'delete' });
    }
  });
  return withErrors({ n, ok: 1 }, errors);
};

/** findAndModify, answered from what it did when it is a retry (retryable-writes.ts). */
const findAndModify: Handler = (cmd, ctx) => {
  const retry = retryFor(cmd, ctx.session, ctx.txn);
  const stmtId = stmtIdOf(cmd, 0);
  const previous = retry?.executed.get(stmtId);
  if (previous) return findAndModifyRetryReply(previous, !!cmd.remove);
  const reply = findAndModifyOnce(cmd, ctx);
  const last = reply.lastErrorObject as Document;
  if (retry && last.n === 1) {
    const op = cmd.remove ? 'delete' : last.upserted !== undefined ? 'insert' : 'update';
    retry.executed.set(stmtId, { op, id: last.upserted, findAndModify: reply });
  }
  return reply;
};

function findAndModifyOnce(cmd: Document, ctx: Ctx): Document {
  rejectOptions(cmd, ['collation']);
  const coll = ctx.engine.storage.ensureCollection(ctx.db, collectionName(cmd, Object.keys(cmd)[0]));
  const filter = (cmd.query ?? {}) as Document;
  if (cmd.remove && cmd.update !== undefined) throw new CommandError(Code.FailedToParse, 'Cannot specify both an update and remove=true');
  if (!cmd.remove && cmd.update === undefined) throw new CommandError(Code.FailedToParse, 'Either an update or remove=true must be specified');
  if (cmd.remove && cmd.upsert) throw new CommandError(Code.FailedToParse, 'Cannot specify both upsert=true and remove=true');
  const m = indexedSort(ctx, coll, filter, cmd.sort, 1, cmd.hint) ?? matching(ctx, coll, filter, cmd.hint);
  const target = shape(m, { sort: cmd.sort as Document | undefined, limit: 1 })[0];
  const project = (doc: Document | undefined | null) =>
    doc ? shape({ docs: [doc] }, { projection: cmd.fields as Document | undefined, filter })[0] : null;
  if (cmd.remove) {
    if (target) write(ctx, { coll, id: keyString(target._id), documentId: target._id, before: target, after: null, op: 'delete' });
    return { lastErrorObject: { n: target ? 1 : 0 }, value: project(target), ok: 1 };
  }
  const u = cmd.update as Document | Document[];
  if (target) {
    const { after } = updateOneDoc(ctx, coll, target, u, filter, cmd.arrayFilters as Document[] | undefined);
    return { lastErrorObject: { n: 1, updatedExisting: true }, value: project(cmd.new ? after : target), ok: 1 };
  }
  if (cmd.upsert) {
    const doc = upsert(ctx, coll, filter, u);
    return { lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id }, value: cmd.new ? project(doc) : null, ok: 1 };
  }
  return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
}

export const writeCommands: Record<string, Handler> = {
  insert,
  update,
  delete: remove,
  findAndModify,
  findandmodify: findAndModify,
};
