import type { Document } from 'bson';
import { BTree, type Cursor } from './btree';
import type { Collection } from './collections';
import type { Entry, Index } from './indexes';
import { bsonType, compareValues, isPlainObject, typeRank } from './values';

/**
 * Query plans over the ordered (B+tree) indexes: the ids a range on an index's leading field can
 * hold, and sorts with a limit answered by walking an index in order. Both give exactly what the
 * scan gives: candidates are re-checked against the whole filter and returned in natural order;
 * walks meet equal sort keys in natural order (tree entries tie-break on it). Anything this cannot
 * prove safe (sparse, partial or text indexes, arrays in arrays, bounds on arrays) is left to the scan.
 */

/** One end of an interval: a value (inclusive or not) or the edge of a type bracket (all values of `rank`). */
type Bound = { v: unknown; incl: boolean } | { rank: number };
interface Interval {
  lo: Bound;
  hi: Bound;
}

const isRank = (b: Bound): b is { rank: number } => 'rank' in b;
const rankOf = (b: Bound): number => (isRank(b) ? b.rank : typeRank(b.v));

/** x lies below the interval's lower end. */
function belowLo(x: unknown, lo: Bound): boolean {
  if (isRank(lo)) return typeRank(x) < lo.rank;
  const c = compareValues(x, lo.v);
  return c < 0 || (c === 0 && !lo.incl);
}

/** x lies above the interval's upper end. */
function aboveHi(x: unknown, hi: Bound): boolean {
  if (isRank(hi)) return typeRank(x) > hi.rank;
  const c = compareValues(x, hi.v);
  return c > 0 || (c === 0 && !hi.incl);
}

/** Which lower end starts later (positive: a). */
function compareLo(a: Bound, b: Bound): number {
  const r = rankOf(a) - rankOf(b);
  if (r || (isRank(a) && isRank(b))) return r;
  if (isRank(a) || isRank(b)) return isRank(a) ? -1 : 1;
  return compareValues(a.v, b.v) || (a.incl === b.incl ? 0 : a.incl ? -1 : 1);
}

/** Which upper end ends later (positive: a). */
function compareHi(a: Bound, b: Bound): number {
  const r = rankOf(a) - rankOf(b);
  if (r || (isRank(a) && isRank(b))) return r;
  if (isRank(a) || isRank(b)) return isRank(a) ? 1 : -1;
  return compareValues(a.v, b.v) || (a.incl === b.incl ? 0 : a.incl ? 1 : -1);
}

function isEmpty({ lo, hi }: Interval): boolean {
  if (isRank(lo)) return isRank(hi) ? lo.rank > hi.rank : lo.rank > typeRank(hi.v);
  if (isRank(hi)) return typeRank(lo.v) > hi.rank;
  const c = compareValues(lo.v, hi.v);
  return c > 0 || (c === 0 && !(lo.incl && hi.incl));
}

const point = (v: unknown): Interval => ({ lo: { v, incl: true }, hi: { v, incl: true } });

/** Most values an `$in` may list to be read as points (more are cheaper to scan for). */
const MAX_POINTS = 200;

/**
 * The values one condition on a path allows, as a union of intervals in value order; undefined when
 * it does not bound them (or cannot be proved to: regexes, arrays, which also match arrays as a
 * whole, and null on a dotted path, which also matches array elements lacking the field).
 */
function conditionIntervals(cond: unknown, dotted: boolean, multikey: boolean): Interval[] | undefined {
  const usable = (v: unknown) =>
    v !== undefined && !Array.isArray(v) && !(v instanceof RegExp) && bsonType(v) !== 'BSONRegExp' && !(dotted && v === null);
  if (!isPlainObject(cond) || !Object.keys(cond).some((k) => k.startsWith('$'))) return usable(cond) ? [point(cond)] : undefined;
  let out: Interval[] | undefined;
  const narrow = (list: Interval[]) => (out = !out ? list : multikey ? out : intersect(out, list));
  for (const [op, v] of Object.entries(cond)) {
    if (op === '$eq' && usable(v)) narrow([point(v)]);
    else if (op === '$in' && Array.isArray(v) && v.length <= MAX_POINTS && v.every(usable)) narrow(sortIntervals(v.map(point)));
    else if ((op === '$gt' || op === '$gte') && usable(v)) narrow([{ lo: { v, incl: op === '$gte' }, hi: { rank: typeRank(v) } }]);
    else if ((op === '$lt' || op === '$lte') && usable(v)) narrow([{ lo: { rank: typeRank(v) }, hi: { v, incl: op === '$lte' } }]);
  }
  return out;
}

function sortIntervals(list: Interval[]): Interval[] {
  return list.sort((a, b) => compareLo(a.lo, b.lo));
}

/** Values in both unions (the result may overlap itself, which only repeats candidates). */
function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const i = { lo: compareLo(x.lo, y.lo) >= 0 ? x.lo : y.lo, hi: compareHi(x.hi, y.hi) <= 0 ? x.hi : y.hi };
      if (!isEmpty(i)) out.push(i);
    }
  }
  return sortIntervals(out);
}

/**
 * The values a filter allows at `path` (top level and through `$and`), or undefined when unbounded.
 * On a multikey index each condition (each operator) may be met by a different element of an array,
 * so they are not intersected: the first one that bounds the path is used alone.
 */
export function pathIntervals(filter: Document, path: string, multikey: boolean): Interval[] | undefined {
  let out: Interval[] | undefined;
  const visit = (f: Document) => {
    for (const [k, cond] of Object.entries(f)) {
      if (k === '$and' && Array.isArray(cond)) for (const sub of cond) if (isPlainObject(sub)) visit(sub);
      if (k !== path) continue;
      const list = conditionIntervals(cond, path.includes('.'), multikey);
      if (!list || (out && multikey)) continue;
      out = out ? intersect(out, list) : list;
    }
  };
  visit(filter);
  return out;
}

/** An index whose tree can answer for its leading field. */
const ordered = (index: Index): boolean => !!index.tree && index.servesEquality && !index.nestedArrays;

/** Walks the entries of `intervals` on the leading field, in tree order; `visit` returns false to stop. */
function walkIntervals(index: Index, intervals: Interval[], visit: (e: Entry) => boolean): void {
  const tree = index.tree!;
  const dir = index.fields[0].dir === -1 ? -1 : 1;
  const list = dir === 1 ? intervals : [...intervals].reverse();
  for (const { lo, hi } of list) {
    const before = dir === 1 ? (e: Entry) => belowLo(e.key[0], lo) : (e: Entry) => aboveHi(e.key[0], hi);
    const past = dir === 1 ? (e: Entry) => aboveHi(e.key[0], hi) : (e: Entry) => belowLo(e.key[0], lo);
    const c = tree.seek(before);
    for (let e = BTree.item(c); e !== undefined && !past(e); BTree.step(c, 1), e = BTree.item(c)) if (!visit(e)) return;
  }
}

/**
 * Candidate ids, in natural order, from the index whose leading field the filter bounds; undefined
 * when none does or the range holds more than `cap` entries (a scan costs about the same then).
 */
export function rangeCandidates(indexes: Iterable<Index>, filter: Document, cap: number): Set<string> | undefined {
  for (const index of indexes) {
    if (!ordered(index)) continue;
    const intervals = pathIntervals(filter, index.fields[0].path, index.multikey);
    if (!intervals) continue;
    const found = new Map<string, number>();
    let walked = 0;
    walkIntervals(index, intervals, (e) => {
      found.set(e.id, e.seq);
      return ++walked <= cap;
    });
    if (walked > cap) return undefined;
    return new Set([...found].sort((a, b) => a[1] - b[1]).map(([id]) => id));
  }
  return undefined;
}

/** The index whose leading fields are the sort's (all in its directions, or all reversed: dir -1), fewest fields first. */
function sortIndex(indexes: Iterable<Index>, sort: [string, number][]): { index: Index; dir: 1 | -1 } | undefined {
  let best: { index: Index; dir: 1 | -1 } | undefined;
  for (const index of indexes) {
    if (!ordered(index) || index.fields.length < sort.length) continue;
    const dir = sort[0][1] === index.fields[0].dir ? 1 : -1;
    if (!sort.every(([path, d], i) => index.fields[i].path === path && d * dir === index.fields[i].dir)) continue;
    // An index with exactly the sort's fields meets ties in natural order without regrouping.
    if (!best || index.fields.length < best.index.fields.length) best = { index, dir };
  }
  return best;
}

/**
 * The first `need` documents matching `predicate` in `sort` order, from an index walk, or undefined
 * when no index serves the sort. Each document counts at its first entry in the walk, which is its
 * smallest value ascending and its largest descending: MongoDB's sort key for an array. Runs of
 * equal sort keys are visited in natural order, as the (stable) sort of a scan leaves them.
 */
export function sortedWalk(
  coll: Collection,
  filter: Document,
  predicate: (doc: Document) => boolean,
  sortSpec: Document,
  need: number,
): Document[] | undefined {
  const sort = Object.entries(sortSpec);
  if (sort.length === 0 || sort.some(([path, d]) => (d !== 1 && d !== -1) || path.startsWith('$'))) return undefined;
  const found = sortIndex(coll.indexes.values(), sort as [string, number][]);
  if (!found) return undefined;
  const { index, dir } = found;
  const tree = index.tree!;
  const width = sort.length;
  const exact = width === index.fields.length;
  // Bounds on the leading field narrow the walk, unless an array's sort key may lie outside them.
  let intervals = index.multikey ? undefined : pathIntervals(filter, index.fields[0].path, false);
  if (intervals?.length === 0) return [];
  if (intervals) intervals = [{ lo: intervals[0].lo, hi: intervals.reduce((hi, i) => (compareHi(i.hi, hi) > 0 ? i.hi : hi), intervals[0].hi) }];
  const lead = index.fields[0].dir === -1 ? -1 : 1;
  const range = intervals?.[0];
  // In tree order: entries before the walk's range, and after it.
  const beforeRange = (e: Entry) => !!range && (lead === 1 ? belowLo(e.key[0], range.lo) : aboveHi(e.key[0], range.hi));
  const afterRange = (e: Entry) => !!range && (lead === 1 ? aboveHi(e.key[0], range.hi) : belowLo(e.key[0], range.lo));
  const comparePrefix = (a: unknown[], b: unknown[]) => {
    for (let i = 0; i < width; i++) {
      const c = compareValues(a[i], b[i]);
      if (c) return c * (index.fields[i].dir as number);
    }
    return 0;
  };

  const out: Document[] = [];
  const seen = new Set<string>();
  let run: { doc: Document; seq: number }[] = [];
  const take = (e: Entry) => {
    if (seen.has(e.id)) return;
    seen.add(e.id);
    const doc = coll.docs.get(e.id)?.doc;
    if (!doc) return;
    coll.examined++;
    if (!predicate(doc)) return;
    if (exact) out.push(doc);
    else run.push({ doc, seq: e.seq });
  };
  const flush = () => {
    for (const r of run.sort((a, b) => a.seq - b.seq)) out.push(r.doc);
    run = [];
  };

  if (dir === 1) {
    const c = tree.seek(beforeRange);
    let runKey: unknown[] | undefined;
    for (let e = BTree.item(c); e && !afterRange(e); BTree.step(c, 1), e = BTree.item(c)) {
      if (!exact && runKey && comparePrefix(e.key, runKey) !== 0) {
        flush();
        if (out.length >= need) return out;
      }
      runKey = e.key;
      take(e);
      if (exact && out.length >= need) return out;
    }
    flush();
    return out;
  }
  // Backwards: runs of equal keys are found from their end and each read forwards, in natural order.
  let c: Cursor<Entry> = tree.seekLast((e) => !afterRange(e));
  for (let e = BTree.item(c); e && !beforeRange(e); e = BTree.item(c)) {
    const key = e.key;
    const start = tree.seek((x) => comparePrefix(x.key, key) < 0);
    const walk = { ...start };
    for (let x = BTree.item(walk); x && comparePrefix(x.key, key) === 0; BTree.step(walk, 1), x = BTree.item(walk)) {
      take(x);
      if (exact && out.length >= need) return out;
    }
    flush();
    if (out.length >= need) return out;
    c = start;
    BTree.step(c, -1);
  }
  return out;
}
