import type { Document } from 'bson';
import { CommandError, Code } from './errors';
import { compareValues, pathValues } from './values';

/** `$sort`'s order of documents, also used by the stages and operators that sort by a `sortBy` ($topN, $sortArray). */

/** Key for one sort field: the smallest element of an array ascending, the largest descending. */
function sortKey(doc: Document, path: string, dir: number): unknown {
  const values = pathValues(doc, path);
  if (values.length === 0) return null;
  let best = values[0];
  for (const v of values) if (compareValues(v, best) * dir < 0) best = v;
  return best;
}

export function sortDocuments(docs: Document[], spec: Document): Document[] {
  if (spec.$natural !== undefined) return spec.$natural === -1 ? [...docs].reverse() : docs;
  const fields = Object.entries(spec).map(([path, dir]) => {
    if (dir !== 1 && dir !== -1) throw new CommandError(Code.BadValue, `$sort key ordering must be 1 (for ascending) or -1 (for descending)`);
    return { path, dir };
  });
  if (fields.length === 0) return docs;
  const keyed = docs.map((doc) => ({ doc, keys: fields.map((f) => sortKey(doc, f.path, f.dir)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const c = compareValues(a.keys[i], b.keys[i]);
      if (c) return c * fields[i].dir;
    }
    return 0;
  });
  return keyed.map((k) => k.doc);
}
