import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import type { Document } from 'bson';
import { CommandError, Code } from './errors';
import { sortDocuments } from './sort-order';
import { asDouble, compareValues, isPlainObject, keyString, pathValues, plainNumber, setPath, withPlainNumbers } from './values';

/**
 * `$fill` over documents that keep their BSON types (#20). mingo's version runs `$setWindowFields`
 * with `$function` inside, which this server refuses, so `locf` and `linear` did not run at all.
 * Checked against src/mongo/db/pipeline/document_source_fill.cpp (and .idl), accumulator_locf.cpp,
 * window_function/window_function_exec_linear_fill.cpp: `locf` copies the last non-null value as
 * stored (no `sortBy` needed); `linear` interpolates along the single `sortBy` field (a double, as
 * the server's arithmetic gives); `value` sets the expression's value. Only null and missing
 * fields are filled.
 */

const isNullish = (v: unknown) => v === null || v === undefined;

/** A field's value at a dotted path (the first one found; `$fill` outputs are not arrays). */
const fieldOf = (doc: Document, path: string): unknown => pathValues(doc, path)[0];

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
    // AccumulatorLocf starts from null: a null or missing value before any other becomes null.
    if (!isNullish(v)) last = v;
    else setPath(doc, field, last === undefined ? null : last);
  }
}

function linear(docs: Document[], field: string, sortField: string): void {
  let prev: { x: number; y: number } | undefined;
  let gap: Document[] = [];
  let lastX: unknown;
  for (const doc of docs) {
    // window_function_exec_linear_fill.cpp: every document needs a numeric (or nullish) value and a
    // numeric or date sort value, no two alike, all numbers or all dates.
    const v = fieldOf(doc, field);
    const sortValue = fieldOf(doc, sortField);
    if (!isNullish(v) && axis(v) === undefined) throw new CommandError(Code.TypeMismatch, 'Value to be filled must be numeric or nullish');
    const x = axis(sortValue);
    if (x === undefined) throw new CommandError(Code.TypeMismatch, 'Value of the sortBy field must be numeric or a date');
    if (lastX !== undefined) {
      if (compareValues(lastX, sortValue) === 0) throw new CommandError(6050106, 'There can be no repeated values in the sort field');
      if (lastX instanceof Date !== sortValue instanceof Date) throw new CommandError(Code.TypeMismatch, 'Conflicting sort value types');
    }
    lastX = sortValue;
    if (isNullish(v)) {
      gap.push(doc);
      continue;
    }
    const y = axis(v)!;
    if (prev) {
      for (const g of gap) {
        const gx = axis(fieldOf(g, sortField))!;
        setPath(g, field, asDouble(prev.y + ((gx - prev.x) * (y - prev.y)) / (x - prev.x)));
      }
    }
    // Nulls with no non-null value before them stay null (the server's result there is null).
    for (const g of prev ? [] : gap) setPath(g, field, null);
    prev = { x, y };
    gap = [];
  }
  for (const g of gap) setPath(g, field, null);
}

const FILL_FIELDS = ['sortBy', 'partitionByFields', 'partitionBy', 'output'];

/** The specification checked as document_source_fill.cpp and its IDL do, in their order and with their codes. */
function checkSpec(spec: Document): void {
  for (const k of Object.keys(spec)) if (!FILL_FIELDS.includes(k)) throw new CommandError(40415, `BSON field '$fill.${k}' is an unknown field.`);
  if (!('output' in spec)) throw new CommandError(40414, "BSON field '$fill.output' is missing but a required field");
  const wrongType = (k: string, expected: string) =>
    new CommandError(Code.TypeMismatch, `BSON field '$fill.${k}' is the wrong type, expected type '${expected}'`);
  if (spec.sortBy !== undefined && !isPlainObject(spec.sortBy)) throw wrongType('sortBy', 'object');
  if (spec.partitionByFields !== undefined && !(Array.isArray(spec.partitionByFields) && spec.partitionByFields.every((f) => typeof f === 'string')))
    throw wrongType('partitionByFields', 'array');
  if (spec.partitionBy !== undefined && !isPlainObject(spec.partitionBy) && typeof spec.partitionBy !== 'string')
    throw wrongType('partitionBy', 'object or string');
  if (!isPlainObject(spec.output)) throw wrongType('output', 'object');
  const outputs = Object.values(spec.output);
  if (!outputs.length) throw new CommandError(6050203, "The output field in '$fill' must contain an object with at least one element");
  for (const o of outputs) {
    if (!isPlainObject(o)) throw new CommandError(6050200, 'Each fill output specification must be an object with exactly one field');
    for (const k of Object.keys(o))
      if (k !== 'value' && k !== 'method') throw new CommandError(40415, `BSON field '$fill.${k}' is an unknown field.`);
    if ('method' in o) {
      if (typeof o.method !== 'string') throw wrongType('method', 'string');
      if ('value' in o)
        throw new CommandError(6050201, "Each fill output specification must have exactly one of 'method' or 'value' fields, not both");
      if (o.method !== 'locf' && o.method !== 'linear') throw new CommandError(6050202, 'Method must be either locf or linear');
    }
  }
  if (spec.partitionBy !== undefined && spec.partitionByFields !== undefined)
    throw new CommandError(6050204, "Maximum one of 'partitionBy' and 'partitionByFields can be specified in '$fill'");
  // $linearFill in window_function_expression.h: a top-level sortBy of exactly one field (605001).
  if (outputs.some((o) => o.method === 'linear') && Object.keys(spec.sortBy ?? {}).length !== 1)
    throw new CommandError(605001, '$linearFill must be specified with a top level sortBy expression with exactly one element');
}

/**
 * `$fill` as the server rewrites it (document_source_fill.cpp): the `method` outputs are a
 * `$setWindowFields` (`$locf`, `$linearFill`) partitioned by `partitionBy` or the
 * `partitionByFields`, sorted by the partition then `sortBy` (only when there is a method: `value`
 * outputs alone leave the order as it is); the `value` outputs are an `$addFields` of
 * `{$ifNull: ['$field', value]}`.
 */
export function fill(docs: Document[], spec: Document, options: Options): Document[] {
  checkSpec(spec);
  const outputs = Object.entries(spec.output as Document);
  const sortBy = spec.sortBy === undefined ? undefined : (withPlainNumbers(spec.sortBy) as Document);
  const methods = outputs.filter(([, o]) => 'method' in o);
  const sortFields = Object.keys(sortBy ?? {});
  const partitionBy =
    spec.partitionBy ??
    (Array.isArray(spec.partitionByFields) ? Object.fromEntries((spec.partitionByFields as string[]).map((f) => [f, `$${f}`])) : undefined);

  let rows = docs.map((d) => ({ p: partitionBy === undefined ? null : (evalExpr(d, partitionBy, options) ?? null), d }));
  if (methods.length && (partitionBy !== undefined || sortBy))
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
    for (const doc of ordered) {
      if (!isNullish(fieldOf(doc, field))) continue;
      const value = evalExpr(doc, o.value, options);
      if (value !== undefined) setPath(doc, field, value);
    }
  }
  return ordered;
}
