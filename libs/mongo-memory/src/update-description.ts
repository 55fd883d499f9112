import type { Document } from 'bson';
import { isPlainObject, valuesEqual } from './values';

/** One part of a changed path: a field name, or an array index. */
type Part = string | number;

/**
 * An update event's `updateDescription` from the document before and after: updated and removed
 * paths, dotted into sub-documents and array elements (`arr.3`, `docs.0.n`), and `truncatedArrays`
 * for arrays that shrank. A server derives it from the $v:2 diff in its oplog entry (checked
 * against src/mongo/db/pipeline/change_stream_document_diff_parser.cpp and
 * src/mongo/db/update/document_diff_calculator.cpp); this server keeps no diff, so it compares the
 * two documents the way that calculator does, except where it gives up on an element-by-element
 * description of an array (see `arrayDiff`). With `expanded` (showExpandedEvents) it adds
 * `disambiguatedPaths`, always present, with an entry for each path that holds a numeric-looking
 * or dotted field name.
 */
export function updateDescription(before: Document, after: Document, expanded: boolean): Document {
  const d = new Description();
  d.document(before, after, []);
  const out: Document = { updatedFields: d.updated, removedFields: d.removed, truncatedArrays: d.truncated };
  if (expanded) out.disambiguatedPaths = d.disambiguated;
  return out;
}

class Description {
  readonly updated: Document = {};
  readonly removed: string[] = [];
  readonly truncated: Document[] = [];
  readonly disambiguated: Document = {};

  document(a: Document, b: Document, path: Part[]): void {
    for (const key of Object.keys(b)) {
      const at = [...path, key];
      if (!(key in a)) this.update(at, b[key]);
      else if (!valuesEqual(a[key], b[key])) this.nested(a[key], b[key], at);
    }
    for (const key of Object.keys(a)) {
      if (key in b) continue;
      const at = [...path, key];
      this.removed.push(at.join('.'));
      this.disambiguate(at);
    }
  }

  /** A changed value: described inside when both sides are documents or both arrays, else updated whole. */
  private nested(a: unknown, b: unknown, at: Part[]): void {
    if (isPlainObject(a) && isPlainObject(b)) this.document(a, b, at);
    else if (Array.isArray(a) && Array.isArray(b)) this.array(a, b, at);
    else this.update(at, b);
  }

  /**
   * Elements compared by position: changed ones as `path.i` (inside them when both sides are
   * documents or arrays), appended ones as updates, a shorter array as a truncation. The whole
   * array is reported instead where the server's diff gives up on describing it element by element
   * (when that would be larger than the array): when it was or becomes empty, when every element it
   * kept was replaced, and when it shrank and some kept element was replaced ($pull, $pop of the
   * first). Update operators log what they touched rather than a diff: they report an array set
   * whole (`$set: {arr: [0]}`, $pop of the last) whole where this reports the truncation or the
   * changed elements, and `$set: {'arr.0': 2}` on a one-element array as `arr.0` where this reports
   * the array.
   */
  private array(a: unknown[], b: unknown[], at: Part[]): void {
    const common = Math.min(a.length, b.length);
    const changed: number[] = [];
    for (let i = 0; i < common; i++) if (!valuesEqual(a[i], b[i])) changed.push(i);
    const replaced = changed.filter((i) => !sameKind(a[i], b[i])).length;
    const wholesale = a.length === 0 || b.length === 0 || (common > 0 && replaced === common) || (b.length < a.length && replaced > 0);
    if (wholesale) return this.update(at, b);
    for (const i of changed) this.nested(a[i], b[i], [...at, i]);
    for (let i = common; i < b.length; i++) this.update([...at, i], b[i]);
    if (b.length < a.length) {
      this.truncated.push({ field: at.join('.'), newSize: b.length });
      this.disambiguate(at);
    }
  }

  private update(at: Part[], value: unknown): void {
    this.updated[at.join('.')] = value;
    this.disambiguate(at);
  }

  /** Array indexes stay numbers (ints on the wire); a numeric field name (not the first) or a dotted one makes the path ambiguous. */
  private disambiguate(at: Part[]): void {
    const ambiguous = at.some((p, i) => typeof p === 'string' && ((i > 0 && NUMERIC.test(p)) || p.includes('.')));
    if (ambiguous) this.disambiguated[at.join('.')] = [...at];
  }
}

/** FieldRef::isNumericPathComponentStrict: digits without a leading zero. */
const NUMERIC = /^(0|[1-9][0-9]*)$/;

const sameKind = (a: unknown, b: unknown): boolean => (isPlainObject(a) && isPlainObject(b)) || (Array.isArray(a) && Array.isArray(b));
