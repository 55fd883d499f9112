import type { Document } from 'bson';
import { isPlainObject, valuesEqual } from './values';

/**
 * Element tests shared by update operators (`$pull`, positional `$`) and find projections
 * (`$elemMatch`, `.$`). The query engine is passed in (`compile`): query.ts uses projections, so
 * projection code cannot import the query engine without an import cycle.
 */
export type CompileFilter = (filter: Document) => (doc: Document) => boolean;

const LOGICAL = new Set(['$and', '$or', '$nor']);

/** A condition as a test on one element: a query on the element (a document), on its value, or equality. */
export function elementMatcher(cond: unknown, compile: CompileFilter): (el: unknown) => boolean {
  if (cond instanceof RegExp) return (el) => typeof el === 'string' && cond.test(el);
  if (!isPlainObject(cond)) return (el) => valuesEqual(el, cond);
  const keys = Object.keys(cond);
  if (keys.length && keys.every((k) => k.startsWith('$') && !LOGICAL.has(k))) {
    const test = compile({ v: cond });
    return (el) => test({ v: el });
  }
  const test = compile(cond);
  return (el) => isPlainObject(el) && test(el);
}

/** The index the positional `$` stands for: the first element of `field` matching the query's conditions on it. */
export function positionalIndex(doc: Document, field: string, filter: Document | undefined, compile: CompileFilter): number | undefined {
  const array = readPath(doc, field);
  const conditions = filter ? conditionsOn(filter, field) : [];
  if (!Array.isArray(array) || conditions.length === 0) return undefined;
  const test = compile(Object.fromEntries(conditions));
  const i = array.findIndex((el) => test(nest(field, [el])));
  return i < 0 ? undefined : i;
}

/** The value at a dotted path (own keys only; numeric parts index arrays), or undefined. */
function readPath(doc: Document, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(cur)) cur = /^\d+$/.test(part) ? cur[Number(part)] : undefined;
    else if (isPlainObject(cur)) cur = Object.hasOwn(cur, part) ? cur[part] : undefined;
    else return undefined;
  }
  return cur;
}

/** Query conditions (through $and) on `field` or below it. */
function conditionsOn(filter: Document, field: string, out: [string, unknown][] = []): [string, unknown][] {
  for (const [k, v] of Object.entries(filter)) {
    if (k === '$and' && Array.isArray(v)) for (const sub of v) if (isPlainObject(sub)) conditionsOn(sub, field, out);
    if (k === field || k.startsWith(field + '.')) out.push([k, v]);
  }
  return out;
}

function nest(path: string, value: unknown): Document {
  return path
    .split('.')
    .reverse()
    .reduce<unknown>((v, k) => ({ [k]: v }), value) as Document;
}
