import { randomUUID } from 'node:crypto';
import type { mongo } from 'mongoose';
import type { EventEnvelope } from '../event-envelope';
import type { EventLog } from '../event-log';
import type { EventStore } from '../event-store';

export interface RebuildJob {
  /** The live collection readers use. */
  collection: string;
  types: readonly string[];
  store: EventStore;
  log: EventLog;
  batchSize: number;
  apply(event: EventEnvelope, target: mongo.Collection): Promise<void> | void;
  /** Called before each batch: the rebuild must still hold its consumer's lease. */
  keepLease(): Promise<void>;
}

export interface RebuildResult {
  events: number;
  /** Every event up to this seq is in the rebuilt collection. */
  throughSeq: number;
}

/** MongoDB's "ns not found" (dropping or listing a collection that does not exist). */
const NAMESPACE_NOT_FOUND = 26;

/**
 * Replays the log into a shadow collection of this attempt's own (with the live collection's
 * indexes), then renames it over the live one in one step: readers see the old view until the new
 * one is complete. The caller holds the consumer's lease, so the live projection does not move
 * meanwhile; it resumes from `throughSeq`. A rebuilder whose lease lapsed (a stalled process) may
 * still be running beside the one that took the lease over: with one shadow name for both, the
 * second dropped the first's half-filled shadow and the first renamed the second's half-filled one
 * over the live collection (the crash e2e caught it on a loaded CI). Each attempt fills its own
 * shadow, checks its lease once more before the rename, and drops its shadow when it fails.
 */
export async function rebuildProjection(job: RebuildJob): Promise<RebuildResult> {
  await dropLeftShadows(job);
  const shadowName = `${job.collection}__rebuild_${randomUUID().slice(0, 8)}`;
  const shadow = job.store.collection(shadowName);
  await job.store.createCollection(shadowName); // renamed even when no event feeds it
  try {
    const result = await fill(job, shadow);
    await job.keepLease();
    await shadow.rename(job.collection, { dropTarget: true });
    return result;
  } catch (error) {
    await shadow.drop().catch(ignoreMissing);
    throw error;
  }
}

/**
 * Drops the shadows of earlier attempts: those of a process that died mid-rebuild stay otherwise
 * (named `<collection>__rebuild_<id>`). The caller holds the lease, so no valid attempt is running;
 * a stalled one whose lease lapsed fails at its next lease check and would drop its shadow anyway.
 */
async function dropLeftShadows(job: RebuildJob): Promise<void> {
  const prefix = `${job.collection}__rebuild_`;
  for (const name of await job.store.collectionNames()) {
    if (name.startsWith(prefix)) await job.store.collection(name).drop().catch(ignoreMissing);
  }
}

async function fill(job: RebuildJob, shadow: mongo.Collection): Promise<RebuildResult> {
  const live = job.store.collection(job.collection);
  for (const index of await live
    .listIndexes()
    .toArray()
    .catch(() => [] as mongo.Document[])) {
    if (index.name === '_id_') continue;
    const { key, name, v: _v, ns: _ns, ...options } = index;
    await shadow.createIndex(key, { ...options, name });
  }

  let position = 0;
  let events = 0;
  for (;;) {
    await job.keepLease();
    const head = await job.log.lastSeq();
    const batch = await job.log.listOfTypes(job.types, { afterSeq: position, limit: job.batchSize });
    for (const event of batch) await job.apply(event, shadow);
    events += batch.length;
    if (batch.length < job.batchSize) {
      position = Math.max(position, head);
      break;
    }
    position = batch[batch.length - 1].seq;
  }
  return { events, throughSeq: position };
}

function ignoreMissing(error: unknown): void {
  if ((error as { code?: unknown }).code !== NAMESPACE_NOT_FOUND) throw error;
}
