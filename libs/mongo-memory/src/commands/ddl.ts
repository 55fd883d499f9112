import type { Document } from 'bson';
import type { Index } from '../indexes';
import { CommandError, Code } from '../errors';
import { compileFilter } from '../query';
import { isPlainObject } from '../values';
import { collectionName, rejectOptions, type Handler } from './context';

/** Options a server would enforce and we cannot: refusing them beats silently ignoring them. */
const UNSUPPORTED_CREATE = [
  'capped',
  'validator',
  'timeseries',
  'viewOn',
  'pipeline',
  'collation',
  'clusteredIndex',
  'changeStreamPreAndPostImages',
  'expireAfterSeconds',
];

const create: Handler = (cmd, ctx) => {
  rejectOptions(cmd, UNSUPPORTED_CREATE);
  ctx.engine.storage.createCollection(ctx.db, collectionName(cmd, 'create'), {});
  return { ok: 1 };
};

const drop: Handler = (cmd, ctx) => {
  const name = collectionName(cmd, 'drop');
  const nIndexesWas = ctx.engine.storage.collection(ctx.db, name)?.indexes.size;
  ctx.engine.storage.dropCollection(ctx.db, name);
  return { nIndexesWas, ns: `${ctx.db}.${name}`, ok: 1 };
};

const dropDatabase: Handler = (_cmd, ctx) => {
  ctx.engine.storage.dropDatabase(ctx.db);
  return { dropped: ctx.db, ok: 1 };
};

const listCollections: Handler = (cmd, ctx) => {
  const colls = [...(ctx.engine.storage.dbs.get(ctx.db)?.values() ?? [])];
  let docs: Document[] = colls.map((c) => ({
    name: c.name,
    type: 'collection',
    options: c.options,
    info: { readOnly: false, uuid: c.uuid },
    idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
  }));
  if (isPlainObject(cmd.filter)) docs = docs.filter(compileFilter(cmd.filter));
  if (cmd.nameOnly) docs = docs.map((d) => ({ name: d.name, type: d.type }));
  return ctx.engine.cursors.first(`${ctx.db}.$cmd.listCollections`, docs, (cmd.cursor as Document | undefined)?.batchSize);
};

/** An index as listIndexes shows it; text indexes in the server's `_fts`/`_ftsx` form. */
function listed(index: Index): Document {
  if (!index.text) return index.spec;
  return { ...index.spec, key: { _fts: 'text', _ftsx: 1 } };
}

const listIndexes: Handler = (cmd, ctx) => {
  const name = collectionName(cmd, 'listIndexes');
  const coll = ctx.engine.storage.collection(ctx.db, name);
  if (!coll) throw new CommandError(Code.NamespaceNotFound, `ns does not exist: ${ctx.db}.${name}`);
  const docs = [...coll.indexes.values()].map(listed);
  return ctx.engine.cursors.first(`${ctx.db}.${name}`, docs, (cmd.cursor as Document | undefined)?.batchSize);
};

const createIndexes: Handler = (cmd, ctx) => {
  const name = collectionName(cmd, 'createIndexes');
  if (!Array.isArray(cmd.indexes) || cmd.indexes.length === 0) throw new CommandError(Code.BadValue, 'Must specify at least one index to create');
  const storage = ctx.engine.storage;
  const createdCollectionAutomatically = !storage.collection(ctx.db, name);
  const coll = storage.ensureCollection(ctx.db, name);
  const numIndexesBefore = coll.indexes.size;
  let created = 0;
  if (ctx.txn && !ctx.txn.created.has(coll.ns)) {
    // A transaction indexes only collections it created; elsewhere only "all indexes already exist"
    // passes (checked against src/mongo/db/commands/create_indexes_cmd.cpp).
    for (const spec of cmd.indexes as Document[]) {
      if (coll.buildIndex(spec)) {
        throw new CommandError(
          Code.OperationNotSupportedInTransaction,
          `Cannot create new indexes on existing collection ${coll.ns} in a multi-document transaction.`,
        );
      }
    }
  } else {
    for (const spec of cmd.indexes as Document[]) if (ctx.txn ? ctx.txn.createIndex(coll, spec) : storage.createIndex(coll, spec)) created++;
  }
  const reply: Document = { numIndexesBefore, numIndexesAfter: coll.indexes.size, createdCollectionAutomatically, ok: 1 };
  if (created === 0) reply.note = 'all indexes already exist';
  return reply;
};

const dropIndexes: Handler = (cmd, ctx) => {
  const name = collectionName(cmd, 'dropIndexes');
  const storage = ctx.engine.storage;
  const coll = storage.collection(ctx.db, name);
  if (!coll) throw new CommandError(Code.NamespaceNotFound, `ns not found ${ctx.db}.${name}`);
  const nIndexesWas = coll.indexes.size;
  const target = cmd.index;
  if (target === '*') {
    for (const indexName of [...coll.indexes.keys()]) if (indexName !== '_id_') storage.dropIndex(coll, indexName);
  } else if (typeof target === 'string') {
    storage.dropIndex(coll, target);
  } else if (Array.isArray(target)) {
    for (const indexName of target) storage.dropIndex(coll, String(indexName));
  } else if (isPlainObject(target)) {
    const found = [...coll.indexes.values()].find((i) => JSON.stringify(i.spec.key) === JSON.stringify(target));
    if (!found) throw new CommandError(Code.IndexNotFound, `can't find index with key: ${JSON.stringify(target)}`);
    storage.dropIndex(coll, found.name);
  } else {
    throw new CommandError(Code.TypeMismatch, 'dropIndexes requires an index name, key pattern, list of names or "*"');
  }
  return { nIndexesWas, ok: 1 };
};

export const ddlCommands: Record<string, Handler> = {
  create,
  drop,
  dropDatabase,
  listCollections,
  listIndexes,
  createIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
};
