import type { Document } from 'bson';
import { changeDocument } from '../changes';
import { CommandError, Code } from '../errors';
import { runPipeline } from '../query';
import { keyString } from '../values';
import { rejectOptions, type Ctx } from './context';

/** `aggregate` with a leading `$changeStream`: a cursor over the change log (changes.ts) from now or a resume token. */
const CHANGE_STREAM_STAGES = new Set(['$match', '$project', '$addFields', '$set', '$unset', '$replaceRoot', '$replaceWith', '$redact']);

export function changeStream(cmd: Document, ctx: Ctx, collName: string | undefined, pipeline: Document[]): Document {
  if (ctx.txn) throw new CommandError(Code.OperationNotSupportedInTransaction, 'Cannot run $changeStream in a transaction');
  const spec = pipeline[0].$changeStream as Document;
  const fullDocument = spec.fullDocument ?? 'default';
  if (fullDocument !== 'default' && fullDocument !== 'updateLookup') {
    throw new CommandError(Code.NotImplemented, `fullDocument: '${String(fullDocument)}' is not supported by mongo-memory (no post-images)`);
  }
  if (spec.fullDocumentBeforeChange !== undefined && spec.fullDocumentBeforeChange !== 'off') {
    throw new CommandError(Code.NotImplemented, 'fullDocumentBeforeChange is not supported by mongo-memory (no pre-images)');
  }
  rejectOptions(spec, ['allChangesForCluster', 'startAtOperationTime']);
  const log = ctx.engine.storage.changes;
  let seq = log.lastSeq;
  const token = spec.resumeAfter ?? spec.startAfter;
  if (token !== undefined) {
    const at = log.position(token);
    if (at === undefined || (at !== 'other' && at > log.lastSeq)) throw new CommandError(Code.BadValue, 'invalid resume token');
    // A token of another history (before a restart): its events are gone, as when they fall out of the log.
    if (at === 'other' || !log.since(at))
      throw new CommandError(
        Code.ChangeStreamHistoryLost,
        'Resume of change stream was not possible, as the resume point may no longer be in the oplog.',
      );
    seq = at;
  }
  const rest = pipeline.slice(1);
  for (const stage of rest) {
    const name = Object.keys(stage)[0];
    if (!CHANGE_STREAM_STAGES.has(name)) throw new CommandError(Code.IllegalOperation, `${name} is not permitted in a $changeStream pipeline`);
  }
  const { db } = ctx;
  const storage = ctx.engine.storage;
  const ns = collName ? `${db}.${collName}` : `${db}.$cmd.aggregate`;
  return ctx.engine.cursors.stream(
    ns,
    {
      log,
      seq,
      read: (event) => {
        if (event.db !== db || (collName !== undefined && event.coll !== collName)) return undefined;
        const lookup =
          fullDocument === 'updateLookup' ? () => storage.collection(event.db, event.coll)?.docs.get(keyString(event.documentId))?.doc : undefined;
        const doc = changeDocument(event, log, lookup);
        return rest.length ? runPipeline([doc], rest, () => [])[0] : doc;
      },
    },
    (cmd.cursor as Document | undefined)?.batchSize,
  );
}
