import type { Document } from 'bson';
import { CommandError, Code } from './errors';
import { compileFilter } from './query';
import { TextIndex } from './text';
import { isPlainObject, keyString, pathValues } from './values';

/**
 * An index is a hash map from a canonical key string to the ids holding it. Equality lookups
 * and unique checks are map reads, never scans. Ranges are not served by indexes (a documented
 * gap): queries fall back to a scan, which only costs time.
 */
export class Index {
  readonly name: string;
  readonly fields: { path: string; dir: number | string }[];
  readonly unique: boolean;
  readonly sparse: boolean;
  readonly ttlSeconds?: number;
  readonly text?: TextIndex;
  private readonly partial?: (doc: Document) => boolean;
  private readonly map = new Map<string, Set<string>>();

  constructor(readonly spec: Document) {
    this.name = spec.name as string;
    this.fields = Object.entries(spec.key as Document).map(([path, dir]) => ({ path, dir: dir as number | string }));
    this.unique = spec.unique === true;
    this.sparse = spec.sparse === true;
    if (spec.partialFilterExpression) this.partial = compileFilter(spec.partialFilterExpression as Document);
    if (typeof spec.expireAfterSeconds === 'number') this.ttlSeconds = spec.expireAfterSeconds;
    if (this.fields.some((f) => f.dir === 'text')) this.text = new TextIndex(spec);
  }

  /** The keys under which a document is indexed ([] when a sparse or partial index skips it). */
  keysOf(doc: Document): string[] {
    if (this.partial && !this.partial(doc)) return [];
    if (this.text) return this.text.keys(doc);
    const perField = this.fields.map((f) => pathValues(doc, f.path));
    if (this.sparse && perField.every((vs) => vs.length === 0)) return [];
    const keys = perField.map((vs) => [...new Set((vs.length ? vs : [null]).map(keyString))]);
    if (keys.length === 1) return keys[0];
    // Compound keys: length-prefixed parts so that no string value can fake a boundary.
    return keys.reduce<string[]>((acc, ks) => acc.flatMap((a) => ks.map((k) => `${a}${k.length}:${k}`)), ['']);
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

  add(id: string, doc: Document): void {
    for (const k of this.keysOf(doc)) {
      const ids = this.map.get(k);
      if (ids) ids.add(id);
      else this.map.set(k, new Set([id]));
    }
  }

  remove(id: string, doc: Document): void {
    for (const k of this.keysOf(doc)) {
      const ids = this.map.get(k);
      if (ids?.delete(id) && ids.size === 0) this.map.delete(k);
    }
  }

  lookup(key: string): ReadonlySet<string> | undefined {
    return this.map.get(key);
  }

  clear(): void {
    this.map.clear();
  }

  /** Usable to answer an equality query: every document is in it under its full key. */
  get servesEquality(): boolean {
    return !this.text && !this.sparse && !this.partial;
  }
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
  if (raw.collation) throw new CommandError(Code.NotImplemented, 'index collation is not supported by mongo-memory');
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
