import type { Document } from 'bson';
import { publishEmptyCollMod } from '../ddl-events';
import { CommandError, Code } from '../errors';
import type { IndexOptionChanges } from '../storage';
import { isPlainObject, plainNumber } from '../values';
import { collectionName, type Handler } from './context';

/** Fields of any command (sessions, write concern, API version...), not collMod options. */
const GENERIC = new Set(['lsid', 'txnNumber', 'writeConcern', 'comment', 'maxTimeMS', 'apiVersion', 'apiStrict', 'apiDeprecationErrors']);
/** Index options a server changes in place that this server does not: converting to and from unique. */
const UNIQUE_CONVERSION = ['unique', 'prepareUnique', 'forceNonUnique'];

/**
 * `collMod`: the index options a server changes in place, `hidden` and `expireAfterSeconds`, with
 * its reply fields and errors (checked against src/mongo/db/catalog/coll_mod.cpp and
 * coll_mod_index.cpp). Collection options this server has no such thing for (validators, views,
 * capped sizes, pre-images, time series) and unique conversions answer 238.
 */
export const collMod: Handler = (cmd, ctx) => {
  const name = collectionName(cmd, 'collMod');
  const coll = ctx.engine.storage.collection(ctx.db, name);
  if (!coll) throw new CommandError(Code.NamespaceNotFound, `ns does not exist: ${ctx.db}.${name}`);
  for (const field of Object.keys(cmd)) {
    if (field === 'collMod' || field === 'index' || GENERIC.has(field) || field.startsWith('$')) continue;
    throw new CommandError(Code.NotImplemented, `collMod option '${field}' is not supported by mongo-memory`);
  }
  if (cmd.index === undefined) {
    publishEmptyCollMod(ctx.engine.storage, coll);
    return { ok: 1 };
  }
  const spec = cmd.index;
  if (!isPlainObject(spec)) throw new CommandError(Code.TypeMismatch, "BSON field 'collMod.index' is the wrong type, expected type 'object'");
  const unsupported = UNIQUE_CONVERSION.find((option) => spec[option] !== undefined);
  if (unsupported) throw new CommandError(Code.NotImplemented, `collMod index option '${unsupported}' is not supported by mongo-memory`);
  if (spec.name !== undefined && spec.keyPattern !== undefined)
    throw new CommandError(Code.InvalidOptions, 'Cannot specify both key pattern and name.');
  if (spec.name === undefined && spec.keyPattern === undefined)
    throw new CommandError(Code.InvalidOptions, 'Must specify either index name or key pattern.');
  if (spec.name !== undefined && typeof spec.name !== 'string') throw new CommandError(Code.InvalidOptions, 'Index name must be a string.');
  if (spec.keyPattern !== undefined && !isPlainObject(spec.keyPattern)) throw new CommandError(Code.InvalidOptions, 'Key pattern must be an object.');
  const changes = optionChanges(spec);
  const wanted = spec.name ?? JSON.stringify(spec.keyPattern);
  const index =
    typeof spec.name === 'string'
      ? coll.indexes.get(spec.name)
      : [...coll.indexes.values()].find((i) => JSON.stringify(i.spec.key) === JSON.stringify(spec.keyPattern));
  if (!index) throw new CommandError(Code.IndexNotFound, `cannot find index ${wanted} for ns ${ctx.db}.${name}`);
  if (changes.hidden !== undefined && index.name === '_id_') throw new CommandError(Code.BadValue, "can't hide _id index");
  if (changes.expireAfterSeconds !== undefined && (index.fields.length !== 1 || index.text))
    throw new CommandError(Code.InvalidOptions, 'TTL indexes are single-field indexes, compound indexes do not support TTL');
  const reply: Document = {};
  if (changes.expireAfterSeconds !== undefined) {
    if (index.ttlSeconds !== undefined) reply.expireAfterSeconds_old = BigInt(Math.trunc(index.ttlSeconds));
    reply.expireAfterSeconds_new = BigInt(changes.expireAfterSeconds);
  }
  if (changes.hidden !== undefined) Object.assign(reply, { hidden_old: index.hidden, hidden_new: changes.hidden });
  ctx.engine.storage.modifyIndex(coll, index.name, changes);
  return { ...reply, ok: 1 };
};

/** The changes an index specification of collMod asks for (72 when it asks for none). */
function optionChanges(spec: Document): IndexOptionChanges {
  const changes: IndexOptionChanges = {};
  if (spec.hidden !== undefined) {
    if (typeof spec.hidden !== 'boolean')
      throw new CommandError(Code.TypeMismatch, "BSON field 'collMod.index.hidden' is the wrong type, expected type 'bool'");
    changes.hidden = spec.hidden;
  }
  if (spec.expireAfterSeconds !== undefined) {
    const given = plainNumber(spec.expireAfterSeconds);
    const seconds = typeof given === 'bigint' ? Number(given) : given;
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0 || seconds > 2 ** 31 - 1)
      throw new CommandError(Code.InvalidOptions, "TTL index 'expireAfterSeconds' option must be within an acceptable range, try a lower number");
    changes.expireAfterSeconds = seconds;
  }
  if (changes.hidden === undefined && changes.expireAfterSeconds === undefined)
    throw new CommandError(Code.InvalidOptions, 'no expireAfterSeconds, hidden, unique, or prepareUnique field');
  return changes;
}
