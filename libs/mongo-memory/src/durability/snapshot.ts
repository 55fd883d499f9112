import { calculateObjectSize, type Document, type UUID } from 'bson';
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Storage } from '../storage';
import { keyString } from '../values';
import { CorruptRecordError, encodeRecord, scanRecords } from './records';
import { restoredCollection } from './redo';

/** One collection as of a moment: stored documents are never mutated, so holding references is a consistent copy. */
export interface CollectionImage {
  db: string;
  name: string;
  uuid: UUID;
  options: Document;
  indexes: Document[];
  docs: Document[];
}

/** Everything committed, captured synchronously (no commit can interleave): pointer copies only. */
export function capture(storage: Storage): CollectionImage[] {
  const images: CollectionImage[] = [];
  for (const colls of storage.dbs.values()) {
    for (const coll of colls.values()) {
      images.push({
        db: coll.db,
        name: coll.name,
        uuid: coll.uuid,
        options: { ...coll.options },
        indexes: [...coll.indexes.values()].filter((i) => i.name !== '_id_').map((i) => i.spec),
        docs: [...coll.docs.values()].map((v) => v.doc),
      });
    }
  }
  return images;
}

/** Documents per `docs` record: up to about 1 MiB of BSON, so that writing yields to the event loop often. */
const CHUNK_BYTES = 1024 * 1024;
/** Written in pieces of about this size. */
const WRITE_BYTES = 4 * 1024 * 1024;

export interface SnapshotStats {
  bytes: number;
  collections: number;
  documents: number;
  ms: number;
}

/**
 * Writes the images to `path` (a temporary file: the caller renames it into place) and fsyncs it.
 * Records: a header naming the journal generation that follows the snapshot, per collection its
 * definition and its documents in chunks, and an end record (a snapshot without it is incomplete).
 */
export async function writeSnapshot(path: string, images: CollectionImage[], journalGen: number): Promise<SnapshotStats> {
  const started = performance.now();
  const fh = await open(path, 'w');
  let bytes = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let documents = 0;
  const put = async (payload: Document) => {
    const buf = encodeRecord(payload);
    pending.push(buf);
    pendingBytes += buf.length;
    if (pendingBytes >= WRITE_BYTES) await flush();
  };
  const flush = async () => {
    const buf = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    let done = 0;
    while (done < buf.length) done += (await fh.write(buf, done, buf.length - done)).bytesWritten;
    bytes += buf.length;
  };
  try {
    await put({ t: 'snapshot', v: 1, journal: journalGen, at: new Date() });
    for (const image of images) {
      await put({ t: 'coll', d: image.db, c: image.name, u: image.uuid, o: image.options, indexes: image.indexes });
      let chunk: Document[] = [];
      let size = 0;
      for (const doc of image.docs) {
        chunk.push(doc);
        size += calculateObjectSize(doc);
        if (size >= CHUNK_BYTES) {
          await put({ t: 'docs', d: image.db, c: image.name, docs: chunk });
          documents += chunk.length;
          chunk = [];
          size = 0;
        }
      }
      if (chunk.length) await put({ t: 'docs', d: image.db, c: image.name, docs: chunk });
      documents += chunk.length;
    }
    await put({ t: 'end', collections: images.length, documents });
    await flush();
    await fh.sync();
  } finally {
    await fh.close();
  }
  return { bytes, collections: images.length, documents, ms: performance.now() - started };
}

/** Loads a snapshot into empty storage; returns the journal generation to replay from. Any damage is fatal: snapshots are written whole, then renamed. */
export function loadSnapshot(path: string, storage: Storage): { journalGen: number; collections: number; documents: number } {
  const buf = readFileSync(path);
  let journalGen: number | undefined;
  let end: Document | undefined;
  let documents = 0;
  const result = scanRecords(buf, path, (r, offset) => {
    if (offset === 0) {
      if (r.t !== 'snapshot' || r.v !== 1 || typeof r.journal !== 'number') throw new Error('not a mongo-memory snapshot (version 1)');
      journalGen = r.journal;
      return;
    }
    if (end) throw new Error('data after the end record');
    if (r.t === 'coll') {
      const coll = storage.addCollection(restoredCollection(r.d as string, r.c as string, r.u, r.o));
      for (const spec of r.indexes as Document[]) {
        const index = coll.buildIndex(spec);
        if (index) coll.indexes.set(index.name, index);
      }
    } else if (r.t === 'docs') {
      const coll = storage.collection(r.d as string, r.c as string);
      if (!coll) throw new Error(`documents for ${String(r.d)}.${String(r.c)} before its definition`);
      const ts = ++storage.clock;
      for (const doc of r.docs as Document[]) coll.apply(keyString(doc._id), doc, ts, false);
      documents += (r.docs as Document[]).length;
    } else if (r.t === 'end') {
      end = r;
    } else {
      throw new Error(`unknown snapshot record ${String(r.t)}`);
    }
  });
  if (result.tail || !end || journalGen === undefined)
    throw new CorruptRecordError(path, result.end, `incomplete snapshot${result.tail ? `: ${result.tail}` : ''}`);
  if (Number(end.documents) !== documents)
    throw new CorruptRecordError(path, result.end, `snapshot holds ${documents} documents, its end record says ${String(end.documents)}`);
  return { journalGen, collections: Number(end.collections), documents };
}
