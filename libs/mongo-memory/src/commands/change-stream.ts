import type { Document } from 'bson';
import { changeDocument, invalidateDocument, type ChangeEvent } from '../changes';
import type { StreamSpec } from '../cursors';
import { CommandError, Code } from '../errors';
import { runPipeline } from '../query';
import { isPlainObject, keyString } from '../values';
import { rejectOptions, type Ctx } from './context';

/** Stages a server allows after `$changeStream` (but $changeStreamSplitLargeEvent, which this server does not have). */
const CHANGE_STREAM_STAGES = new Set(['$match', '$project', '$addFields', '$set', '$unset', '$replaceRoot', '$replaceWith', '$redact']);

/**
 * Every stage name a server (7.0) knows: a stage outside it answers 40324 before any other check,
 * as the whole pipeline is parsed first; a known one not allowed in a change stream answers 20
 * (checked against src/mongo/db/pipeline/pipeline.cpp, validateCommon).
 */
const SERVER_STAGES = new Set([
  ...CHANGE_STREAM_STAGES,
  ...['$bucket', '$bucketAuto', '$changeStream', '$changeStreamSplitLargeEvent', '$collStats', '$count', '$currentOp', '$densify'],
  ...['$documents', '$facet', '$fill', '$geoNear', '$graphLookup', '$group', '$indexStats', '$limit', '$listLocalSessions'],
  ...['$listSampledQueries', '$listSearchIndexes', '$listSessions', '$lookup', '$merge', '$out', '$planCacheStats', '$sample'],
  ...['$search', '$searchMeta', '$setWindowFields', '$shardedDataDistribution', '$skip', '$sort', '$sortByCount', '$unionWith'],
  ...['$unwind', '$vectorSearch'],
]);

/**
 * Databases no stream opens on (but admin, for a cluster-wide one) and a cluster-wide one does not
 * report (checked against src/mongo/db/pipeline/document_source_change_stream.cpp and its .h, kRegexAllDBs).
 */
const INTERNAL_DBS = new Set(['admin', 'config', 'local']);

/** `aggregate` with a leading `$changeStream`: a cursor over the change log (changes.ts) from now or a resume token. */
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
  rejectOptions(spec, ['startAtOperationTime']);
  const { db } = ctx;
  const cluster = spec.allChangesForCluster === true;
  // Checked against document_source_change_stream.cpp, assertIsLegalSpecification.
  if (cluster && (db !== 'admin' || collName !== undefined)) {
    const ns = collName === undefined ? `${db}.$cmd.aggregate` : `${db}.${collName}`;
    throw new CommandError(
      Code.InvalidOptions,
      `A $changeStream with 'allChangesForCluster:true' may only be opened on the 'admin' database, and with no collection name; found ${ns}`,
    );
  }
  if (INTERNAL_DBS.has(db) && !(cluster && db === 'admin'))
    throw new CommandError(Code.InvalidNamespace, `$changeStream may not be opened on the internal ${db} database`);
  const rest = checkedStages(pipeline.slice(1));
  const storage = ctx.engine.storage;
  const log = storage.changes;
  /**
   * The events of its namespace a stream reports (checked against
   * src/mongo/db/pipeline/change_stream_filter_helpers.cpp, buildOperationFilter): a collection's
   * stream also sees a rename onto its name, and not dropDatabase (the drop of its collection comes
   * first and ends it).
   */
  const watches = (event: ChangeEvent) => {
    if (cluster) return !INTERNAL_DBS.has(event.db);
    if (event.db !== db) return false;
    if (collName === undefined) return true;
    return event.coll === collName || (event.op === 'rename' && event.to === collName);
  };
  /**
   * What ends a stream, after its event (document_source_change_stream_check_invalidate.cpp):
   * for a collection's, the drop or rename of (or onto) it; for a database's, dropDatabase; a
   * cluster-wide stream never ends.
   */
  const invalidates = (event: ChangeEvent) =>
    !cluster && watches(event) && (collName === undefined ? event.op === 'dropDatabase' : event.op === 'drop' || event.op === 'rename');
  const options = {
    expanded: spec.showExpandedEvents === true,
    lookup:
      fullDocument === 'updateLookup'
        ? (event: ChangeEvent) => storage.collection(event.db, event.coll)?.docs.get(keyString(event.documentId))?.doc
        : undefined,
  };
  /** A change document through the stages after $changeStream. */
  const staged = (doc: Document | undefined) => {
    if (!doc || !rest.length) return doc;
    const out = runPipeline([doc], rest, () => [])[0] as Document | undefined;
    if (out) checkResumeToken(out, doc._id as Document);
    return out;
  };
  const stream: StreamSpec = {
    log,
    seq: log.lastSeq,
    read: (event) => (watches(event) ? staged(changeDocument(event, log, options)) : undefined),
    invalidates,
    readInvalidate: (event) => staged(invalidateDocument(event, log)),
  };
  startPoint(spec, stream);
  const ns = collName ? `${db}.${collName}` : `${db}.$cmd.aggregate`;
  return ctx.engine.cursors.stream(ns, stream, (cmd.cursor as Document | undefined)?.batchSize);
}

/**
 * Places the stream after the event a resume token names (or leaves it at now). A token of an event
 * that ends this stream resumes before its invalidate, which comes first; `startAfter` an
 * invalidate's token starts a new stream after it, `resumeAfter` it answers 260 (checked against
 * src/mongo/db/pipeline/document_source_change_stream.cpp, assertIsLegalSpecification).
 */
function startPoint(spec: Document, stream: StreamSpec): void {
  if (spec.resumeAfter !== undefined && spec.startAfter !== undefined)
    throw new CommandError(50865, "Do not specify both 'resumeAfter' and 'startAfter' in a $changeStream stage");
  const token = spec.resumeAfter ?? spec.startAfter;
  if (token === undefined) return;
  const { log } = stream;
  const at = log.position(token);
  if (at === undefined || (at !== 'other' && at.seq > log.lastSeq)) throw new CommandError(Code.BadValue, 'invalid resume token');
  if (at !== 'other' && at.invalidate && spec.resumeAfter !== undefined)
    throw new NamedError(
      260,
      'InvalidResumeToken',
      "Attempting to resume a change stream using 'resumeAfter' is not allowed from an invalidate notification",
    );
  // A token of another history (before a restart): its events are gone, as when they fall out of the log.
  if (at === 'other' || !log.since(at.seq))
    throw new CommandError(
      Code.ChangeStreamHistoryLost,
      'Resume of change stream was not possible, as the resume point may no longer be in the oplog.',
    );
  stream.seq = at.seq;
  const event = log.event(at.seq);
  if (!at.invalidate && event && stream.invalidates(event)) stream.invalidated = { event, sent: false };
}

/** The stages after `$changeStream`: every name known before any is refused for not being allowed here. */
function checkedStages(stages: Document[]): Document[] {
  const names = stages.map((stage) => {
    if (!isPlainObject(stage) || Object.keys(stage).length !== 1)
      throw new CommandError(40323, 'A pipeline stage specification object must contain exactly one field.');
    const name = Object.keys(stage)[0];
    if (!SERVER_STAGES.has(name)) throw new CommandError(40324, `Unrecognized pipeline stage name: '${name}'`);
    return name;
  });
  for (const name of names) {
    if (name === '$changeStream') throw new CommandError(40602, '$changeStream is only allowed as the first stage in a pipeline');
    if (name === '$changeStreamSplitLargeEvent')
      throw new CommandError(Code.NotImplemented, '$changeStreamSplitLargeEvent is not supported by mongo-memory');
    if (!CHANGE_STREAM_STAGES.has(name)) throw new CommandError(Code.IllegalOperation, `${name} is not permitted in a $changeStream pipeline`);
  }
  return stages;
}

/** An error named as a server names it, for codes errors.ts has no entry for (280, 260). */
class NamedError extends CommandError {
  constructor(
    code: number,
    private readonly serverName: string,
    message: string,
    labels: string[] = [],
  ) {
    super(code, message, {}, labels);
  }

  override get codeName(): string {
    return this.serverName;
  }
}

/**
 * An event handed out must keep its resume token as `_id`, unchanged, or the stream could not be
 * resumed from it: the stream fails instead (checked against src/mongo/db/pipeline/plan_executor_pipeline.cpp,
 * _validateResumeToken).
 */
function checkResumeToken(out: Document, token: Document): void {
  const id = out._id as Document | undefined;
  if (isPlainObject(id) && Object.keys(id).length === 1 && id._data === token._data) return;
  throw new NamedError(
    280,
    'ChangeStreamFatalError',
    'Encountered an event whose _id field, which contains the resume token, was modified by the pipeline. Modifying the _id field ' +
      'of an event makes it impossible to resume the stream from that point. Only transformations that retain the unmodified _id ' +
      `field are allowed. Expected: ${JSON.stringify({ _id: token })} but found: ${id === undefined ? '{}' : JSON.stringify({ _id: id })}`,
    ['NonResumableChangeStreamError'],
  );
}
