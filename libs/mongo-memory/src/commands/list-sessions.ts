import { createHash } from 'node:crypto';
import { Binary, type Document } from 'bson';
import { CommandError, Code } from '../errors';
import { isPlainObject } from '../values';
import type { Ctx } from './context';

/** The `uid` of a session without authentication: SHA-256 of the empty user name, as a server computes it. */
const NO_USER_UID = new Binary(createHash('sha256').update('').digest());

/**
 * `$listLocalSessions` (the first stage of a database-level aggregate): the sessions this server
 * holds, as `{_id: {id, uid}, lastUse}`. Without users, `{}`, `{allUsers: true}` and a `users` list
 * all list every session.
 */
export function localSessions(spec: unknown, ctx: Ctx): Document[] {
  if (!isPlainObject(spec)) throw new CommandError(Code.TypeMismatch, '$listLocalSessions must be an object');
  if (spec.allUsers !== undefined && spec.users !== undefined)
    throw new CommandError(Code.InvalidOptions, "Can not specify both 'allUsers' and 'users' for $listLocalSessions");
  return ctx.engine.sessions.all().map((s) => ({ _id: { id: (s.lsid as Document).id, uid: NO_USER_UID }, lastUse: new Date(s.lastUse) }));
}
