import type { Document } from 'bson';
import type { Collection } from './collections';
import { CommandError, Code } from './errors';
import type { Index } from './indexes';
import { sortDocuments } from './sort-order';
import { isPlainObject, plainNumber } from './values';

/**
 * `hint` (find, count, distinct, aggregate, update, delete, findAndModify): the plan a server is told
 * to use. The answer is the same documents, in the hinted index's order (a server walks the index);
 * a sparse or partial index leaves out the documents it does not hold, as on a server. `$natural`
 * is the scan, backwards with -1. An index that does not exist, or is hidden, answers 2 BadValue.
 */
export type Hint = { natural: 1 | -1 } | { index: Index };

const NO_INDEX = 'hint provided does not correspond to an existing index';

/** The hint a command names, or undefined without one (an empty object, or a missing collection). */
export function resolveHint(coll: Collection | undefined, hint: unknown): Hint | undefined {
  if (hint === undefined || hint === null || (isPlainObject(hint) && Object.keys(hint).length === 0)) return undefined;
  if (typeof hint !== 'string' && !isPlainObject(hint)) throw new CommandError(Code.FailedToParse, 'hint must be either a string or nested object');
  if (isPlainObject(hint) && '$natural' in hint) {
    const dir = plainNumber(hint.$natural);
    if (Object.keys(hint).length > 1 || (dir !== 1 && dir !== -1)) throw new CommandError(Code.BadValue, `$natural hint must be 1 or -1`);
    return { natural: dir };
  }
  // A query on a collection that does not exist reads nothing, whatever it hints.
  if (!coll) return undefined;
  const index =
    typeof hint === 'string' ? coll.indexes.get(hint) : [...coll.indexes.values()].find((i) => samePattern(i.spec.key as Document, hint as Document));
  if (!index || index.hidden) throw new CommandError(Code.BadValue, NO_INDEX);
  return { index };
}

/** Key patterns are equal when they name the same fields in the same order with the same directions (1 and 1.0 alike). */
function samePattern(a: Document, b: Document): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && plainNumber(a[k]) === plainNumber(b[k]));
}

/** Matching documents (in natural order) in the order the hinted plan reads them. */
export function inHintOrder(docs: Document[], hint: Hint): Document[] {
  if ('natural' in hint) return hint.natural === 1 ? docs : [...docs].reverse();
  const { index } = hint;
  const held = docs.filter((doc) => index.holds(doc));
  // A text index has no order of its own here; an ordered index's order is its key pattern's, ties in natural order.
  return index.text ? held : sortDocuments(held, index.spec.key as Document);
}
