import type { Document } from 'bson';
import { CommandError, Code } from '../errors';
import type { Handler } from './context';

function namespace(value: unknown, field: string): { db: string; name: string } {
  const dot = typeof value === 'string' ? value.indexOf('.') : -1;
  if (typeof value !== 'string' || dot <= 0 || dot === value.length - 1) {
    throw new CommandError(Code.InvalidNamespace, `Invalid namespace specified '${String(value)}' for ${field}`);
  }
  return { db: value.slice(0, dot), name: value.slice(dot + 1) };
}

/**
 * `renameCollection` (run on `admin`): moves a collection, its documents and indexes, to a new name
 * in the same database in one step, as readers see it; `dropTarget` replaces an existing target.
 * Read models are rebuilt into a fresh collection and swapped in this way.
 */
const renameCollection: Handler = (cmd: Document, ctx) => {
  if (ctx.db !== 'admin') throw new CommandError(Code.Unauthorized, 'renameCollection may only be run against the admin database.');
  const from = namespace(cmd.renameCollection, 'source');
  const to = namespace(cmd.to, 'target');
  if (from.db !== to.db) throw new CommandError(Code.IllegalOperation, 'renameCollection across databases is not supported by the in-process server');
  const storage = ctx.engine.storage;
  const source = storage.collection(from.db, from.name);
  if (!source) throw new CommandError(Code.NamespaceNotFound, 'Source collection does not exist');
  if (from.name === to.name) throw new CommandError(Code.IllegalOperation, "Can't rename a collection to itself");
  if (to.name.includes('$') || to.name.startsWith('system.'))
    throw new CommandError(Code.InvalidNamespace, `Invalid target namespace: ${to.db}.${to.name}`);
  storage.renameCollection(from.db, from.name, to.name, cmd.dropTarget === true);
  return { ok: 1 };
};

export const renameCommands: Record<string, Handler> = { renameCollection };
