import type { Document } from 'bson';
import { BTree } from './btree';
import { CommandError, Code } from './errors';
import { compileFilter } from './query';
import { TextIndex } from './text';
import { compareValues, isPlainObject, keyString, pathValues } from './values';

/** One entry of an ordered index: a document's values for the indexed fields, and its place in natural order. */
export interface Entry {
  key: unknown[];
  seq: number;
  id: string;
}

/**
 * An index is a hash map from a canonical key string to the ids holding it, for equality lookups
 * and unique checks, and (unless it is a text index) a B+tree of its keys in MongoDB's value order,
 * for ranges and sorts (ordered-plan.ts). Tree entries tie-break on the document's natural-order
 * sequence number, so that a walk over equal keys meets documents in the order a scan would.
 */
export class Index {
  readonly name: string;
  readonly fields: { path: string; dir: number | string }[];
  readonly unique: boolean;
  readonly sparse: boolean;
  readonly text?: TextIndex;
  readonly tree?: BTree<Entry>;
  /** Some document gave a field more than one value (an array): bounds on one field cannot be intersected. */
  multikey = false;
  /** Some key is itself a non-empty array (an array in an array): queries flatten those, the index does not. */
  nestedArrays = false;
  private readonly partial?: (doc: Document) => boolean;
  private readonly map = new Map<string, Set<string>>();

  constructor(readonly spec: Document) {
    this.name = spec.name as string;
    this.fields = Object.entries(spec.key as Document).map(([path, dir]) => ({ path, dir: dir as number | string }));
    this.unique = spec.unique === true;
    this.sparse = spec.sparse === true;
    if (spec.partialFilterExpression) this.partial = compileFilter(spec.partialFilterExpression as Document);
    if (this.fields.some((f) => f.dir === 'text')) this.text = new TextIndex(spec);
    else {
      const dirs = this.fields.map((f) => (f.dir === -1 ? -1 : 1));
      this.tree = new BTree<Entry>((a, b) => {
        for (let i = 0; i < dirs.length; i++) {
          const c = compareValues(a.key[i], b.key[i]);
          if (c) return c * dirs[i];
        }
        return a.seq - b.seq;
      });
    }
  }

  /** Per field, the distinct values a document is indexed under (null when missing); undefined when a sparse or partial index skips it. */
  private fieldValues(doc: Document): FieldValues {
    if (this.partial && !this.partial(doc)) return undefined;
    const perField = this.fields.map((f) => pathValues(doc, f.path));
    if (this.sparse && perField.every((vs) => vs.length === 0)) return undefined;
    return perField.map((vs) => {
      if (vs.length <= 1) {
        const v = vs.length ? vs[0] : null;
        return { values: [v], keys: [keyString(v)] };
      }
      const byKey = new Map<string, unknown>();
      for (const v of vs) {
        const k = keyString(v);
        if (!byKey.has(k)) byKey.set(k, v);
      }
      return { values: [...byKey.values()], keys: [...byKey.keys()] };
    });
  }

  /** A TTL index's expireAfterSeconds (collMod may change it). */
  get ttlSeconds(): number | undefined {
    return typeof this.spec.expireAfterSeconds === 'number' ? this.spec.expireAfterSeconds : undefined;
  }

  /** Hidden (createIndex or collMod `hidden: true`): maintained, unique keys enforced, never used to answer a query. */
  get hidden(): boolean {
    return this.spec.hidden === true;
  }

  /** Whether a document has entries in the index (false when a sparse or partial index skips it). */
  holds(doc: Document): boolean {
    return this.text ? this.keysOf(doc).length > 0 : this.fieldValues(doc) !== undefined;
  }

  /** The keys under which a document is indexed ([] when a sparse or partial index skips it). */
  keysOf(doc: Document): string[] {
    if (this.text) return this.partial && !this.partial(doc) ? [] : this.text.keys(doc);
    return hashKeys(this.fieldValues(doc));
  }

  /** The `keyValue` of a duplicate-key error: the indexed fields and the document's values. */
  keyValue(doc: Document): Document {
    return Object.fromEntries(
      this.fields.map((f) => {
        const vs = pathValues(doc, f.path);
        return [f.path, vs.length ? vs[0] : null];
      }),
    );
  }

  /** `seq`: the document's place in natural order (Collection keeps it across updates). */
  add(id: string, doc: Document, seq: number): void {
    const fields = this.text ? undefined : this.fieldValues(doc);
    for (const k of this.text ? this.keysOf(doc) : hashKeys(fields)) {
      const ids = this.map.get(k);
      if (ids) ids.add(id);
      else this.map.set(k, new Set([id]));
    }
    if (!this.tree) return;
    const keys = tuples(fields);
    for (const key of keys) {
      this.tree.insert({ key, seq, id });
      if (!this.nestedArrays && key.some((v) => Array.isArray(v) && v.length > 0)) this.nestedArrays = true;
    }
    if (!this.multikey && keys.length > 1) this.multikey = true;
  }

  remove(id: string, doc: Document, seq: number): void {
    const fields = this.text ? undefined : this.fieldValues(doc);
    for (const k of this.text ? this.keysOf(doc) : hashKeys(fields)) {
      const ids = this.map.get(k);
      if (ids?.delete(id) && ids.size === 0) this.map.delete(k);
    }
    if (this.tree) for (const key of tuples(fields)) this.tree.delete({ key, seq, id });
  }

  lookup(key: string): ReadonlySet<string> | undefined {
    return this.map.get(key);
  }

  clear(): void {
    this.map.clear();
    this.tree?.clear();
    this.multikey = false;
    this.nestedArrays = false;
  }

  /** Usable to answer an equality query: every document is in it under its full key. */
  get servesEquality(): boolean {
    return !this.text && !this.sparse && !this.partial && !this.hidden;
  }
}

type FieldValues = { values: unknown[]; keys: string[] }[] | undefined;

function hashKeys(fields: FieldValues): string[] {
  if (!fields) return [];
  if (fields.length === 1) return fields[0].keys;
  // Compound keys: length-prefixed parts so that no string value can fake a boundary.
  return fields.reduce<string[]>((acc, f) => acc.flatMap((a) => f.keys.map((k) => `${a}${k.length}:${k}`)), ['']);
}

/** Tree keys: one per combination of the fields' values. */
function tuples(fields: FieldValues): unknown[][] {
  if (!fields) return [];
  if (fields.length === 1) return fields[0].values.map((v) => [v]);
  return fields.reduce<unknown[][]>((acc, f) => acc.flatMap((a) => f.values.map((v) => [...a, v])), [[]]);
}

const INDEX_OPTIONS = new Set([
  'key',
  'name',
  'v',
  'unique',
  'sparse',
  'partialFilterExpression',
  'expireAfterSeconds',
  'background',
  'weights',
  'default_language',
  'language_override',
  'textIndexVersion',
  'ns',
  'collation',
  'hidden',
]);

export const defaultIndexName = (key: Document): string =>
  Object.entries(key)
    .map(([k, v]) => `${k}_${v}`)
    .join('_');

/** Validates a createIndexes entry and returns the spec as listIndexes shows it. */
export function normalizeSpec(raw: Document): Document {
  if (!isPlainObject(raw.key) || Object.keys(raw.key).length === 0)
    throw new CommandError(Code.BadValue, 'index key pattern must be a non-empty object');
  for (const option of Object.keys(raw)) {
    if (!INDEX_OPTIONS.has(option)) throw new CommandError(Code.InvalidOptions, `The field '${option}' is not valid for an index specification`);
  }
  // The simple collation is the binary comparison every index here uses.
  if (raw.collation && !(isPlainObject(raw.collation) && raw.collation.locale === 'simple'))
    throw new CommandError(Code.NotImplemented, 'index collation is not supported by mongo-memory');
  if (raw.hidden !== undefined && typeof raw.hidden !== 'boolean')
    throw new CommandError(Code.TypeMismatch, `The field 'hidden' must be a boolean, not ${typeof raw.hidden}`);
  if (raw.hidden === true && Object.keys(raw.key).join() === '_id') throw new CommandError(Code.BadValue, "can't hide _id index");
  for (const [path, dir] of Object.entries(raw.key)) {
    if (dir !== 1 && dir !== -1 && dir !== 'text') {
      throw new CommandError(Code.NotImplemented, `index type ${JSON.stringify(dir)} on '${path}' is not supported by mongo-memory`);
    }
  }
  const dirs = Object.values(raw.key);
  if (dirs.includes('text') && dirs.some((d) => d !== 'text')) {
    throw new CommandError(Code.NotImplemented, 'compound text indexes with non-text fields are not supported by mongo-memory');
  }
  const spec: Document = { v: 2, key: raw.key, name: typeof raw.name === 'string' ? raw.name : defaultIndexName(raw.key) };
  for (const option of ['unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds']) {
    if (raw[option] !== undefined) spec[option] = raw[option];
  }
  if (raw.hidden === true) spec.hidden = true;
  if (raw.unique === false) delete spec.unique;
  if (raw.sparse === false) delete spec.sparse;
  // Text options are validated and completed (sorted weights, default language and override) as a server stores them.
  if (dirs.includes('text')) {
    const version = raw.textIndexVersion;
    if (version !== undefined && typeof version !== 'number')
      throw new CommandError(Code.CannotCreateIndex, "text index option 'textIndexVersion' must be a number");
    if (version === 1 || version === 2)
      throw new CommandError(Code.NotImplemented, `textIndexVersion ${version} is not supported by mongo-memory (only 3)`);
    if (version !== undefined && version !== 3) throw new CommandError(Code.CannotCreateIndex, `bad textIndexVersion: ${version}`);
    Object.assign(spec, new TextIndex(raw).options);
  }
  return spec;
}

/** Two specs describe the same index (createIndexes with an existing one is a no-op). */
export function sameSpec(a: Document, b: Document): boolean {
  const norm = (s: Document) =>
    JSON.stringify([
      s.key,
      !!s.unique,
      !!s.sparse,
      s.partialFilterExpression ?? null,
      s.expireAfterSeconds ?? null,
      s.weights ?? null,
      s.default_language ?? null,
      s.language_override ?? null,
    ]);
  return norm(a) === norm(b);
}

/** Possible values per path pinned by equality (`{a: v}`, `{a: {$eq: v}}`, `{a: {$in: [...]}}`, through $and). */
function equalities(filter: Document, out = new Map<string, unknown[]>()): Map<string, unknown[]> {
  for (const [path, cond] of Object.entries(filter)) {
    if (path === '$and' && Array.isArray(cond)) {
      for (const sub of cond) if (isPlainObject(sub)) equalities(sub, out);
      continue;
    }
    if (path.startsWith('$')) continue;
    let values: unknown[] | undefined;
    if (isPlainObject(cond) && Object.keys(cond).some((k) => k.startsWith('$'))) {
      if (cond.$eq !== undefined) values = [cond.$eq];
      else if (Array.isArray(cond.$in) && !cond.$in.some((v) => v instanceof RegExp)) values = cond.$in;
    } else if (!(cond instanceof RegExp)) {
      values = [cond];
    }
    // Array values also match arrays as a whole, which a multikey map does not hold: scan instead.
    if (values && !values.some((v) => Array.isArray(v) || v === undefined) && !out.has(path)) out.set(path, values);
  }
  return out;
}

/**
 * Candidate ids for a filter from the best hash index whose every field is pinned by equality,
 * or undefined when the filter needs a scan. Candidates are always re-checked against the filter.
 */
export function candidateIds(indexes: Iterable<Index>, filter: Document): Set<string> | undefined {
  const eq = equalities(filter);
  if (eq.size === 0) return undefined;
  let best: Set<string> | undefined;
  for (const index of indexes) {
    if (!index.servesEquality || !index.fields.every((f) => eq.has(f.path))) continue;
    const keyLists = index.fields.map((f) => eq.get(f.path)!.map(keyString));
    const keys =
      keyLists.length === 1 ? keyLists[0] : keyLists.reduce<string[]>((acc, ks) => acc.flatMap((a) => ks.map((k) => `${a}${k.length}:${k}`)), ['']);
    const ids = new Set<string>();
    for (const k of keys) for (const id of index.lookup(k) ?? []) ids.add(id);
    if (!best || ids.size < best.size) best = ids;
    if (best.size <= 1) break;
  }
  return best;
}
