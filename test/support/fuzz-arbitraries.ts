/**
 * fast-check arbitraries for the fuzz suite, derived from the OpenAPI document: each operation's
 * path parameters, query parameters, header parameters and body. Bodies are mostly shaped like the
 * documented schema: `valid` (documented values only, to reach the handlers) or `wild` (fields
 * replaced by any value, unknown keys), sometimes plainly arbitrary JSON or not JSON at all.
 */
import fc, { type Arbitrary } from 'fast-check';
import { HOSTILE_IDS, MALFORMED_JSON, resolveSchema, type OpenApiDoc, type Operation, type Schema } from './hostile-input';

export type FuzzActor = 'anonymous' | 'admin' | 'cityA' | 'cityB';

export interface FuzzRequest {
  actor: FuzzActor;
  method: string;
  /** Path and query, already encoded. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FuzzOperation {
  method: string;
  path: string;
  op: Operation;
}

/** Real ids the generated requests use most of the time, so that they reach past the lookups. */
export interface FuzzIds {
  /** Candidates for a path parameter, by the operation's path template and the parameter's name. */
  pathParam(path: string, name: string): string[];
  cities: string[];
  other: string[];
}

const JSON_CT = 'application/json';
const CSV_CT = 'text/csv';
const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Percent-encodes the UTF-8 bytes of `value` (lone surrogates become U+FFFD, where encodeURIComponent throws). */
export function encodeSegment(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Strings of every kind: ASCII, grapheme clusters, any code point (lone surrogates included). */
const anyString = (maxLength = 40): Arbitrary<string> =>
  fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'grapheme', maxLength }), fc.string({ unit: 'binary', maxLength }));

const numberLike: Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0, 5e-324, 0.1 + 0.2),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e309', '-0', '0x1F', '1_000', '9'.repeat(400), ' 12 ', '12abc'),
);

const OPERATOR_KEYS = ['$gt', '$where', '$ne', '__proto__', 'constructor', 'prototype', '', 'toString'];
const key: Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: anyString(12) }, { weight: 1, arbitrary: fc.constantFrom(...OPERATOR_KEYS) });

/** Any JSON value a field could be replaced by. */
export const wildValue: Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  anyString(),
  numberLike,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 6 }),
  fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const unknownKeys: Arbitrary<Record<string, unknown>> = fc.dictionary(key, wildValue, { minKeys: 1, maxKeys: 3 });

const isoDate = fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const nearDate = fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/**
 * `valid`: documented values only (enum members, in-range numbers, real ids, plain words, required
 * fields present, no unknown keys), so that requests also reach the handlers and the happy paths.
 * `wild`: shaped like the schema, but any field may be any value, and unknown keys come along.
 */
export type Mode = 'valid' | 'wild';

/** A value shaped like `raw` (ids from `ids` for fields that hold one). */
export function valueFor(doc: OpenApiDoc, raw: Schema, ids: FuzzIds, mode: Mode, name = '', depth = 0): Arbitrary<unknown> {
  const schema = resolveSchema(doc, raw);
  const shaped = mode === 'valid' ? validValue(doc, schema, ids, name, depth) : wildShapedValue(doc, schema, ids, name, depth);
  return schema.nullable ? fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: fc.constant(null) }) : shaped;
}

function validValue(doc: OpenApiDoc, schema: Schema, ids: FuzzIds, name: string, depth: number): Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const generated = validGenerated(doc, schema, ids, name, depth);
  // The documented example half of the time (often the only valid value, e.g. a country code).
  return schema.example !== undefined && !/id$/i.test(name) ? fc.oneof(fc.constant(schema.example), generated) : generated;
}

function validGenerated(doc: OpenApiDoc, schema: Schema, ids: FuzzIds, name: string, depth: number): Arbitrary<unknown> {
  switch (schema.type) {
    case 'string': {
      if (/id$/i.test(name)) return fc.constantFrom(...ids.cities);
      if (name === 'email') return fc.emailAddress();
      if (schema.format === 'date') return nearDate;
      if (schema.format === 'uri') return fc.webUrl();
      const min = Math.max(schema.minLength ?? 1, 1);
      const max = Math.max(Math.min(schema.maxLength ?? 40, 40), min);
      return fc.stringMatching(new RegExp(`^[A-Za-zñé][A-Za-zñé 0-9]{${min - 1},${max - 1}}$`)).map((v) => v.trimEnd().padEnd(min, 'x'));
    }
    case 'number':
    case 'integer': {
      const min = Math.ceil(schema.minimum ?? 1);
      return fc.integer({ min, max: Math.floor(schema.maximum ?? min + 20) });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.uniqueArray(valueFor(doc, schema.items ?? { type: 'string' }, ids, 'valid', name, depth + 1), {
        minLength: 1,
        maxLength: 3,
        selector: (v) => JSON.stringify(v),
      });
    default:
      return shapedObject(doc, schema, ids, 'valid', depth + 1);
  }
}

function wildShapedValue(doc: OpenApiDoc, schema: Schema, ids: FuzzIds, name: string, depth: number): Arbitrary<unknown> {
  if (schema.enum?.length) return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: anyString(12) });
  const example = schema.example !== undefined ? [fc.constant(schema.example)] : [];
  switch (schema.type) {
    case 'string': {
      if (/id$/i.test(name)) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids.cities, ...ids.other) }, anyString(), fc.uuid());
      if (schema.format === 'date')
        return fc.oneof(isoDate, fc.constantFrom('2024-02-30', '2026-13-01', '0000-00-00', '+275760-09-13'), anyString(12));
      if (schema.format === 'uri') return fc.oneof(fc.webUrl(), anyString());
      const max = schema.maxLength ?? 60;
      // Just under and over the documented maximum, where it is small enough to build quickly.
      const boundary = max <= 5000 ? [fc.string({ minLength: max, maxLength: max + 2 })] : [];
      return fc.oneof(...example, fc.string({ minLength: 1, maxLength: Math.min(max, 80) }), anyString(80), ...boundary);
    }
    case 'number':
    case 'integer': {
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? Math.max(min + 1000, 3000);
      return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) }, ...example, numberLike);
    }
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 1, 0));
    case 'array': {
      const item = valueFor(doc, schema.items ?? { type: 'string' }, ids, 'wild', name, depth + 1);
      const maxItems = (schema as { maxItems?: number }).maxItems;
      return fc.oneof(
        { weight: 4, arbitrary: fc.array(item, { maxLength: 4 }) },
        { weight: 1, arbitrary: fc.array(item, { minLength: maxItems ?? 20, maxLength: (maxItems ?? 20) + 2 }) },
      );
    }
    default:
      return depth > 3 ? wildValue : shapedObject(doc, schema, ids, 'wild', depth + 1);
  }
}

/**
 * An object with the schema's properties: the required ones (in `wild` mode: usually), the others
 * sometimes. In `wild` mode a field is sometimes any value, and unknown keys may come along.
 */
export function shapedObject(doc: OpenApiDoc, raw: Schema, ids: FuzzIds, mode: Mode, depth = 0): Arbitrary<Record<string, unknown>> {
  const schema = resolveSchema(doc, raw);
  const props = Object.entries(schema.properties ?? {});
  const field = (name: string, prop: Schema) =>
    mode === 'valid'
      ? valueFor(doc, prop, ids, mode, name, depth)
      : fc.oneof({ weight: 5, arbitrary: valueFor(doc, prop, ids, mode, name, depth) }, { weight: 1, arbitrary: wildValue });
  const model = Object.fromEntries(props.map(([name, prop]) => [name, field(name, prop)]));
  const required = (schema.required ?? []).filter((n) => n in model);
  if (mode === 'valid') return fc.record(model, { requiredKeys: required }).map((known) => ({ ...known }));
  const record = fc.oneof(
    { weight: 4, arbitrary: fc.record(model, { requiredKeys: required }) },
    { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) },
  );
  // Plain objects (fc.record may build null-prototype ones); unknown keys spread as own data properties.
  return fc
    .tuple(record, fc.option(unknownKeys, { freq: 5 }))
    .map(([known, extra]) => Object.fromEntries([...Object.entries(known), ...Object.entries(extra ?? {})]));
}

/** A query value for a documented parameter: documented values, ids, numbers of every kind, any text. */
function queryValue(schema: Schema | undefined, name: string, ids: FuzzIds): Arbitrary<string> {
  const known: Arbitrary<string>[] = [];
  if (schema?.enum?.length) known.push(fc.constantFrom(...schema.enum.map(String)));
  if (/id$/i.test(name)) known.push(fc.constantFrom(...ids.cities, ...ids.other));
  if (schema?.type === 'number' || schema?.type === 'integer' || schema?.minimum !== undefined) {
    known.push(fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 100 }).map(String));
  }
  if (schema?.type === 'boolean') known.push(fc.constantFrom('true', 'false'));
  const odd = fc.oneof(anyString(30), numberLike.map(String), fc.constantFrom('', '[]', '{"$gt":""}', '.*', '(a+)+$', '\\'));
  return known.length ? fc.oneof({ weight: 3, arbitrary: fc.oneof(...known) }, { weight: 2, arbitrary: odd }) : odd;
}

/** A documented query value only: enum members, in-range numbers, real ids, plain words. */
function validQueryValue(schema: Schema | undefined, name: string, ids: FuzzIds): Arbitrary<string> {
  if (schema?.enum?.length) return fc.constantFrom(...schema.enum.map(String));
  if (/id$/i.test(name)) return fc.constantFrom(...ids.cities, ...ids.other);
  if (schema?.type === 'number' || schema?.type === 'integer' || schema?.minimum !== undefined) {
    const min = schema.minimum ?? 1;
    return fc.integer({ min, max: Math.max(min, Math.min(schema.maximum ?? 100, 100)) }).map(String);
  }
  if (schema?.type === 'boolean') return fc.constantFrom('true', 'false');
  return fc.stringMatching(/^[a-zñé]{1,12}$/);
}

const joinQuery = (pairs: string[][]) =>
  pairs.map(([k, v]) => `${encodeSegment(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeSegment(v)}`).join('&');

function queryArbitrary(op: Operation, ids: FuzzIds, mode: Mode): Arbitrary<string> {
  const params = (op.parameters ?? []).filter((p) => p.in === 'query');
  if (mode === 'valid') {
    const pairs = params.map((p) =>
      fc.option(
        validQueryValue(p.schema, p.name, ids).map((v) => [p.name, v]),
        { freq: 2 },
      ),
    );
    return fc.tuple(...pairs).map((chosen) => joinQuery(chosen.filter((pair): pair is string[] => pair !== null)));
  }
  const pairs = params.map((p) =>
    fc.option(
      fc.oneof(
        { weight: 5, arbitrary: queryValue(p.schema, p.name, ids).map((v) => [[p.name, v]]) },
        // Repeated and bracketed keys: arrays and objects to a naive parser.
        {
          weight: 1,
          arbitrary: fc.tuple(queryValue(p.schema, p.name, ids), anyString(8)).map(([v, w]) => [
            [p.name, v],
            [p.name, w],
          ]),
        },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom('[]', '[$gt]', '[a][b]'), anyString(8)).map(([s, v]) => [[p.name + s, v]]) },
      ),
      { freq: 2 },
    ),
  );
  const extra = fc.option(
    fc.tuple(key, anyString(10)).map(([k, v]) => [[k, v]]),
    { freq: 6 },
  );
  return fc.tuple(...pairs, extra).map((chosen) => joinQuery(chosen.flatMap((entries) => entries ?? [])));
}

function pathArbitrary(path: string, op: Operation, ids: FuzzIds, mode: Mode): Arbitrary<string> {
  const names = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
  const segment = (name: string) =>
    mode === 'valid'
      ? fc.constantFrom(...ids.pathParam(path, name))
      : fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...ids.pathParam(path, name)) },
          { weight: 2, arbitrary: fc.oneof(anyString(), fc.uuid()).map(encodeSegment) },
          // Raw hostile segments (%00, %ZZ, .., $where…), not encoded again.
          { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_IDS.map((h) => h.value)) },
        );
  return fc.tuple(...names.map(segment)).map((values) => path.replace(/\{(\w+)\}/g, (_m, name: string) => values[names.indexOf(name)] ?? name));
}

/** Header parameters (Accept-Language): printable ASCII, as fetch refuses anything else. */
function headersArbitrary(op: Operation): Arbitrary<Record<string, string>> {
  const names = (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
  const value = fc.oneof(fc.constantFrom('es-ES,es;q=0.9', 'fr', '*', 'en;q=0', 'xx-YY'), fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,60}$/));
  return fc.tuple(...names.map(() => fc.option(value, { freq: 2 }))).map((values) => {
    const headers: Record<string, string> = {};
    values.forEach((v, i) => v !== null && (headers[names[i]] = v));
    return headers;
  });
}

/** A CSV file: the documented header (or not), then rows of any text, commas, quotes and line breaks included. */
const csvBody: Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('name,country,region,field,designationYear,lat,lng', 'name,country', ''),
    fc.array(
      fc.array(fc.oneof(anyString(20), fc.constantFrom('ES', 'music', 'europe-north-america', '2019', '1e309', '"a,b"', '"')), { maxLength: 8 }),
      {
        maxLength: 5,
      },
    ),
  )
  .map(([header, rows]) => [header, ...rows.map((r) => r.join(','))].join('\n'));

/** A CSV file of well-formed cities (new ones mostly; a name seen before is skipped by the import). */
const validCsv: Arbitrary<string> = fc
  .array(
    fc
      .tuple(
        fc.stringMatching(/^[A-Z][a-z]{2,10}$/),
        fc.constantFrom('PT', 'FR', 'IT', 'de'),
        fc.constantFrom('europe-north-america', 'asia-pacific', 'africa'),
        fc.constantFrom('music', 'film', 'design'),
        fc.integer({ min: 2004, max: 2025 }),
        fc.option(fc.tuple(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }))),
      )
      .map(([name, country, region, field, year, point]) => [name, country, region, field, year, point?.[0] ?? '', point?.[1] ?? ''].join(',')),
    { minLength: 1, maxLength: 4 },
  )
  .map((rows) => ['name,country,region,field,designationYear,lat,lng', ...rows].join('\n'));

type Body = { body?: string; contentType?: string };

function bodyArbitrary(doc: OpenApiDoc, method: string, op: Operation, ids: FuzzIds, mode: Mode): Arbitrary<Body> {
  if (method === 'GET' || method === 'HEAD') return fc.constant({});
  const content = op.requestBody?.content ?? {};
  const json = (value: unknown): Body => ({ body: JSON.stringify(value), contentType: JSON_CT });
  const arbitraryJson = fc.jsonValue().map(json);
  if (content[CSV_CT]) {
    const csv = (mode === 'valid' ? validCsv : csvBody).map((body) => ({ body, contentType: CSV_CT }));
    return mode === 'valid' ? csv : fc.oneof({ weight: 4, arbitrary: csv }, arbitraryJson);
  }
  if (!content[JSON_CT]) return mode === 'valid' ? fc.constant({}) : fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, arbitraryJson);
  const schema = resolveSchema(doc, content[JSON_CT].schema);
  if (mode === 'valid') return shapedObject(doc, schema, ids, 'valid').map(json);
  return fc.oneof(
    { weight: 8, arbitrary: shapedObject(doc, schema, ids, 'wild').map(json) },
    { weight: 1, arbitrary: arbitraryJson },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...MALFORMED_JSON), anyString()).map((body) => ({ body, contentType: JSON_CT })) },
  );
}

/** Requests to one operation as any of the actors: a third of them `valid`, the rest `wild`. */
export function requestArbitrary(doc: OpenApiDoc, operation: FuzzOperation, ids: FuzzIds): Arbitrary<FuzzRequest> {
  return fc.oneof(
    { weight: 1, arbitrary: requestOf(doc, operation, ids, 'valid') },
    { weight: 2, arbitrary: requestOf(doc, operation, ids, 'wild') },
  );
}

function requestOf(doc: OpenApiDoc, { method, path, op }: FuzzOperation, ids: FuzzIds, mode: Mode): Arbitrary<FuzzRequest> {
  return fc
    .record({
      actor: fc.constantFrom<FuzzActor>('anonymous', 'admin', 'cityA', 'cityB'),
      path: pathArbitrary(path, op, ids, mode),
      query: queryArbitrary(op, ids, mode),
      headers: headersArbitrary(op),
      body: bodyArbitrary(doc, method, op, ids, mode),
    })
    .map(({ actor, path: p, query, headers, body }) => ({
      actor,
      method,
      url: query ? `${p}?${query}` : p,
      headers: body.contentType ? { ...headers, 'content-type': body.contentType } : headers,
      body: body.body,
    }));
}
