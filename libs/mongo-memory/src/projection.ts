import type { Document } from 'bson';
import { CommandError, Code } from './errors';
import { elementMatcher, positionalIndex, type CompileFilter } from './element-match';
import { bsonType, cloneValue, isPlainObject } from './values';

/**
 * Projections as a server applies them, in find (with `$slice`, `$elemMatch` and the positional
 * `path.$`) and in the `$project` stage: an inclusion keeps the included fields in the document's
 * order and appends computed fields after them in the projection's order (field order is data in
 * BSON); `$slice` alone keeps every other field. `$elemMatch` makes an inclusion unless a `$slice` is
 * present, and its field comes after the included ones, as computed fields do (checked against
 * src/mongo/db/query/projection_parser.cpp, computeProjectionType).
 */

type Leaf =
  | { kind: 'include' | 'exclude' }
  | { kind: 'slice'; skip: number; limit?: number }
  | { kind: 'elemMatch'; test: (el: unknown) => boolean }
  | { kind: 'positional' }
  | { kind: 'computed'; expr: unknown };

interface Node {
  leaf?: Leaf;
  children: Map<string, Node>;
}

export interface ProjectOptions {
  /** find: `$slice`/`$elemMatch`/`.$` are projection operators; aggregate: any operator is an expression. */
  find: boolean;
  /** The query, for the positional `.$`. */
  filter?: Document;
  /** Evaluates an aggregation expression against the whole document. */
  evaluate: (doc: Document, expr: unknown) => unknown;
  /** The query engine, for `$elemMatch` and `.$` (passed in by query.ts: see element-match.ts). */
  compile: CompileFilter;
}

const isOperatorObject = (v: unknown): v is Document => isPlainObject(v) && Object.keys(v).length > 0 && Object.keys(v)[0].startsWith('$');

function leafOf(value: unknown, path: string, { find, compile }: ProjectOptions): Leaf {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return { kind: value ? 'include' : 'exclude' };
  // A double in an aggregate's $project (kept as a `Double` for expressions: wire.ts) is a flag too.
  if (bsonType(value) === 'Double') return { kind: (value as number).valueOf() ? 'include' : 'exclude' };
  if (isOperatorObject(value) && find) {
    const [op] = Object.keys(value);
    if (op === '$slice') {
      const arg = value.$slice;
      if (typeof arg === 'number') return arg < 0 ? { kind: 'slice', skip: arg } : { kind: 'slice', skip: 0, limit: arg };
      if (Array.isArray(arg) && arg.length === 2 && arg.every((x) => typeof x === 'number')) {
        if (arg[1] <= 0) throw new CommandError(Code.BadValue, `$slice limit must be positive`);
        return { kind: 'slice', skip: arg[0], limit: arg[1] };
      }
    }
    if (op === '$elemMatch') {
      if (path.includes('.')) throw new CommandError(Code.BadValue, 'Cannot use $elemMatch projection on a nested field.');
      if (!isPlainObject(value.$elemMatch)) throw new CommandError(Code.BadValue, 'elemMatch: Invalid argument, object required.');
      return { kind: 'elemMatch', test: elementMatcher(value.$elemMatch, compile) };
    }
  }
  return { kind: 'computed', expr: value };
}

function add(root: Node, path: string, leaf: Leaf): void {
  let node = root;
  for (const part of path.split('.')) {
    if (node.leaf) throw new CommandError(31250, `Path collision at ${path}`);
    let next = node.children.get(part);
    if (!next) node.children.set(part, (next = { children: new Map() }));
    node = next;
  }
  if (node.leaf || node.children.size) throw new CommandError(31250, `Path collision at ${path}`);
  node.leaf = leaf;
}

/** Flattens `{a: {b: 1}}` into `a.b` and builds the tree; reports whether it is an inclusion. */
function parse(spec: Document, opts: ProjectOptions): { tree: Node; inclusion: boolean } {
  const tree: Node = { children: new Map() };
  const leaves: [string, Leaf][] = [];
  const walk = (obj: Document, prefix: string) => {
    for (const [key, value] of Object.entries(obj)) {
      if (key.startsWith('$')) throw new CommandError(31252, `FieldPath field names may not start with '$'. Consider using $getField or $setField.`);
      const path = prefix + key;
      if (path.endsWith('.$') && opts.find) {
        if (!value) throw new CommandError(31395, `positional projection cannot be used with exclusion`);
        leaves.push([path.slice(0, -2), { kind: 'positional' }]);
      } else if (isPlainObject(value) && !isOperatorObject(value) && Object.keys(value).length) {
        walk(value, path + '.');
      } else {
        if (isPlainObject(value) && Object.keys(value).length === 0)
          throw new CommandError(51270, `An empty sub-projection is not a valid value. Found empty object at path`);
        leaves.push([path, leafOf(value, path, opts)]);
      }
    }
  };
  walk(spec, '');
  const kinds = new Set(leaves.map(([, l]) => l.kind));
  const inclusion = kinds.has('include') || kinds.has('positional') || kinds.has('computed') || (kinds.has('elemMatch') && !kinds.has('slice'));
  for (const [path, leaf] of leaves) {
    if (inclusion && leaf.kind === 'exclude' && path !== '_id') {
      throw new CommandError(31254, `Cannot do exclusion on field ${path} in inclusion projection`);
    }
    add(tree, path, leaf);
  }
  if (inclusion && !tree.children.has('_id')) add(tree, '_id', { kind: 'include' });
  return { tree, inclusion };
}

function slice(v: unknown, leaf: Extract<Leaf, { kind: 'slice' }>): unknown {
  if (!Array.isArray(v)) return v;
  const start = leaf.skip < 0 ? Math.max(0, v.length + leaf.skip) : leaf.skip;
  return v.slice(start, leaf.limit === undefined ? undefined : start + leaf.limit);
}

function hasComputed(node: Node): boolean {
  return node.leaf?.kind === 'computed' || [...node.children.values()].some(hasComputed);
}

function include(value: Document, node: Node, root: Document, path: string, opts: ProjectOptions): Document {
  const out: Document = {};
  for (const key of Object.keys(value)) {
    const child = node.children.get(key);
    if (!child) continue;
    const v = value[key];
    const leaf = child.leaf;
    const here = path + key;
    if (!leaf) {
      const sub = project(v, child, root, here + '.', opts);
      if (sub !== undefined) out[key] = sub;
    } else if (leaf.kind === 'include') {
      out[key] = cloneValue(v);
    } else if (leaf.kind === 'slice') {
      out[key] = cloneValue(slice(v, leaf));
    } else if (leaf.kind === 'positional') {
      const i = positionalIndex(root, here, opts.filter, opts.compile);
      if (i === undefined || !Array.isArray(v)) {
        throw new CommandError(
          51246,
          "Executor error during find command :: caused by :: positional operator '.$' couldn't find a matching element in the array",
        );
      }
      out[key] = [cloneValue(v[i])];
    }
  }
  // Computed and `$elemMatch` fields come after the included ones, in the projection's order.
  for (const [key, child] of node.children) {
    if (child.leaf?.kind === 'elemMatch') {
      const found = elementOf(value[key], child.leaf);
      if (found !== undefined) out[key] = [cloneValue(found)];
    } else if (child.leaf?.kind === 'computed') {
      const v = opts.evaluate(root, child.leaf.expr);
      if (v !== undefined) out[key] = v;
    } else if (!child.leaf && !(key in out) && hasComputed(child)) {
      out[key] = include({}, child, root, path + key + '.', opts);
    }
  }
  return out;
}

/** Inclusion below a field: documents are projected, arrays element by element, scalars dropped. */
function project(v: unknown, node: Node, root: Document, path: string, opts: ProjectOptions): unknown {
  if (isPlainObject(v)) return include(v, node, root, path, opts);
  if (Array.isArray(v)) return v.map((el) => project(el, node, root, path, opts)).filter((el) => el !== undefined);
  return hasComputed(node) ? include({}, node, root, path, opts) : undefined;
}

function exclude(value: Document, node: Node): Document {
  const out: Document = {};
  for (const key of Object.keys(value)) {
    const child = node.children.get(key);
    const v = value[key];
    if (!child) {
      out[key] = cloneValue(v);
      continue;
    }
    const leaf = child.leaf;
    if (!leaf) {
      out[key] = isPlainObject(v)
        ? exclude(v, child)
        : Array.isArray(v)
          ? v.map((el) => (isPlainObject(el) ? exclude(el, child) : cloneValue(el)))
          : cloneValue(v);
    } else if (leaf.kind === 'slice') {
      out[key] = cloneValue(slice(v, leaf));
    } else if (leaf.kind === 'elemMatch') {
      const found = elementOf(v, leaf);
      if (found !== undefined) out[key] = [cloneValue(found)];
    }
  }
  return out;
}

/** The first element of an array that an `$elemMatch` projection picks. */
const elementOf = (v: unknown, leaf: Extract<Leaf, { kind: 'elemMatch' }>): unknown => (Array.isArray(v) ? v.find(leaf.test) : undefined);

/** Projects one document (never the stored object: the result is a fresh copy). */
export function projectDocument(doc: Document, spec: Document, opts: ProjectOptions): Document {
  const { tree, inclusion } = parse(spec, opts);
  return inclusion ? include(doc, tree, doc, '', opts) : exclude(doc, tree);
}

/** The compiled form of a projection, for many documents. */
export function projector(spec: Document, opts: ProjectOptions): (doc: Document) => Document {
  const { tree, inclusion } = parse(spec, opts);
  return (doc) => (inclusion ? include(doc, tree, doc, '', opts) : exclude(doc, tree));
}
