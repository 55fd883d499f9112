import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import type { Document } from 'bson';
import { CommandError, Code } from './errors';
import { sortDocuments } from './sort-order';
import { asDouble, isPlainObject, keyString, pathValues, plainNumber, withPlainNumbers } from './values';

/**
 * `$fill` over documents that keep their BSON types (#20). mingo's version runs `$setWindowFields`
 * with `$function` inside, which this server refuses, so `locf` and `linear` did not run at all.
 * As on a server: with a `sortBy` (or a partition) the documents come out ordered by partition then
 * `sortBy`; `locf` copies the last non-null value as stored; `linear` interpolates along the single
 * `sortBy` field (a double, as the server's arithmetic gives); `value` sets the expression's value.
 * Only null and missing fields are filled.
 */

const isNullish = (v: unknown) => v === null || v === undefined;

/** A field's value at a dotted path (the first one found; `$fill` outputs are not arrays). */
const fieldOf = (doc: Document, path: string): unknown => pathValues(doc, path)[0];

function setField(doc: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = doc;
  for (const p of parts.slice(0, -1)) {
    if (!isPlainObject(at[p])) at[p] = {};
    at = at[p] as Document;
  }
  at[parts[parts.length - 1]] = value;
}

/** A number on the `sortBy` axis: a number, or a date's milliseconds. */
function axis(v: unknown): number | undefined {
  if (v instanceof Date) return v.getTime();
  const n = plainNumber(v);
  return typeof n === 'number' ? n : typeof n === 'bigint' ? Number(n) : undefined;
}

function locf(docs: Document[], field: string): void {
  let last: unknown;
  for (const doc of docs) {
    const v = fieldOf(doc, field);
    if (!isNullish(v)) last = v;
    else if (last !== undefined) setField(doc, field, last);
  }
}

function linear(docs: Document[], field: string, sortField: string): void {
  let prev: { x: number; y: number } | undefined;
  let gap: Document[] = [];
  for (const doc of docs) {
    const v = fieldOf(doc, field);
    if (isNullish(v)) {
      gap.push(doc);
      continue;
    }
    const y = axis(v);
    const x = axis(fieldOf(doc, sortField));
    if (y === undefined || x === undefined)
      throw new CommandError(Code.TypeMismatch, `$fill 'linear' needs numeric values of '${field}' and '${sortField}'`);
    if (prev) {
      for (const g of gap) {
        const gx = axis(fieldOf(g, sortField))!;
        setField(g, field, asDouble(prev.y + ((gx - prev.x) * (y - prev.y)) / (x - prev.x)));
      }
    }
    // Nulls with no non-null value before them stay null (the server's result there is null).
    for (const g of prev ? [] : gap) setField(g, field, null);
    prev = { x, y };
    gap = [];
  }
  for (const g of gap) setField(g, field, null);
}

/** `$fill`, or undefined for a specification it does not read (mingo answers: with its error). */
export function fill(docs: Document[], spec: Document, options: Options): Document[] | undefined {
  if (!isPlainObject(spec.output)) return undefined;
  const outputs = Object.entries(spec.output as Document);
  if (!outputs.every(([, o]) => isPlainObject(o) && ('value' in o || o.method === 'locf' || o.method === 'linear'))) return undefined;
  const sortBy = spec.sortBy === undefined ? undefined : (withPlainNumbers(spec.sortBy) as Document);
  const methods = outputs.filter(([, o]) => 'method' in o);
  if (methods.length && !isPlainObject(sortBy)) throw new CommandError(Code.FailedToParse, "$fill 'locf' and 'linear' need a 'sortBy'");
  const sortFields = Object.keys(sortBy ?? {});
  if (methods.some(([, o]) => o.method === 'linear') && sortFields.length !== 1)
    throw new CommandError(Code.FailedToParse, "$fill 'linear' needs exactly one 'sortBy' field");
  const partitionBy =
    spec.partitionBy ??
    (Array.isArray(spec.partitionByFields) ? Object.fromEntries((spec.partitionByFields as string[]).map((f) => [f, `$${f}`])) : undefined);

  let rows = docs.map((d) => ({ p: partitionBy === undefined ? null : (evalExpr(d, partitionBy, options) ?? null), d }));
  if (partitionBy !== undefined || sortBy)
    rows = sortDocuments(rows, {
      ...(partitionBy === undefined ? {} : { p: 1 }),
      ...Object.fromEntries(sortFields.map((f) => [`d.${f}`, sortBy![f]])),
    }) as typeof rows;
  const partitions = new Map<string, Document[]>();
  for (const r of rows) {
    const k = keyString(r.p);
    const part = partitions.get(k);
    if (part) part.push(r.d);
    else partitions.set(k, [r.d]);
  }
  for (const part of partitions.values()) {
    for (const [field, o] of methods) {
      if (o.method === 'locf') locf(part, field);
      else linear(part, field, sortFields[0]);
    }
  }
  const ordered = rows.map((r) => r.d);
  for (const [field, o] of outputs) {
    if (!('value' in o)) continue;
    for (const doc of ordered) if (isNullish(fieldOf(doc, field))) setField(doc, field, evalExpr(doc, o.value, options));
  }
  return ordered;
}
