/**
 * Deterministic hostile input for the robustness suite: a seeded pseudo-random generator, and
 * values derived from the OpenAPI document (a schema's baseline value, values that are certainly
 * invalid for it, and edge values that may or may not be valid but must never break the server).
 */

/** mulberry32: tiny, fast, and the same sequence for the same seed on every machine. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** `count` distinct items (all of them when there are fewer), in a seeded order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, count);
  }

  /** A string of `length` characters drawn from an alphabet with regex, quote and unicode specials. */
  text(length: number): string {
    const alphabet = 'abcXYZ019 .*+?()[]{}|^$\\/\'"`%&<>ñé東京🎉\u0000\u202e';
    const chars = Array.from(alphabet);
    let out = '';
    for (let i = 0; i < length; i++) out += chars[this.int(chars.length)];
    return out;
  }

  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  example?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minLength?: number;
  $ref?: string;
  allOf?: Schema[];
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface Operation {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
}

/** Follows `$ref` and a one-element `allOf` (how @nestjs/swagger documents nested DTOs). */
export function resolveSchema(doc: OpenApiDoc, schema: Schema): Schema {
  if (schema.$ref) return resolveSchema(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.allOf?.length === 1) {
    const { allOf, ...rest } = schema;
    return { ...rest, ...resolveSchema(doc, allOf[0]), nullable: schema.nullable };
  }
  return schema;
}

/** A plausible valid value (examples, first enum value…); not always accepted, and need not be. */
export function baselineValue(doc: OpenApiDoc, raw: Schema): unknown {
  const schema = resolveSchema(doc, raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return schema.format === 'date' ? '2026-03-01' : 'Plain text';
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [baselineValue(doc, schema.items ?? { type: 'string' })];
    default:
      return baselineObject(doc, schema);
  }
}

export function baselineObject(doc: OpenApiDoc, raw: Schema): Record<string, unknown> {
  const schema = resolveSchema(doc, raw);
  return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, prop]) => [name, baselineValue(doc, prop)]));
}

const HUGE = 1e308;

/**
 * Values that no validator may accept for this schema: the wrong JSON type, an unknown enum
 * member, an impossible date, an out-of-range number, an oversized array or string.
 */
export function invalidValues(doc: OpenApiDoc, raw: Schema, rng: Rng): unknown[] {
  const schema = resolveSchema(doc, raw);
  if (schema.enum?.length) {
    return ['not-a-value', String(schema.enum[0]).toUpperCase() + '!', 7, [schema.enum[0]], { value: schema.enum[0] }, '', '__proto__'];
  }
  switch (schema.type) {
    case 'string': {
      const wrongType: unknown[] = [12345, true, {}, { a: 'b' }, ['a'], [['nested']], HUGE, { toString: 'x' }];
      const tooLong = schema.maxLength !== undefined ? [rng.text(schema.maxLength + 1 + rng.int(50))] : [];
      const dates =
        schema.format === 'date'
          ? ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '31/12/2024', 'yesterday', '2024-02-29T25:61:00Z', '']
          : [];
      return [...wrongType, ...tooLong, ...dates];
    }
    case 'number':
    case 'integer': {
      const wrongType = ['12', 'NaN', 'Infinity', '-Infinity', '1e309', '', {}, [], [1], true];
      const range = [
        ...(schema.maximum !== undefined ? [schema.maximum + 1, HUGE] : []),
        ...(schema.minimum !== undefined ? [schema.minimum - 1, -HUGE] : []),
      ];
      return [...wrongType, ...range];
    }
    case 'boolean':
      return ['true', 1, 0, null, {}, []];
    case 'array': {
      const item = schema.items ? resolveSchema(doc, schema.items) : { type: 'string' };
      const base = baselineValue(doc, item);
      const itemInvalid = invalidValues(doc, item, rng);
      return [
        'a',
        {},
        { 0: base },
        5,
        true,
        [[base]],
        [{}],
        [null],
        Array.from({ length: 5000 }, () => base),
        [rng.pick(itemInvalid)],
        [base, rng.pick(itemInvalid)],
      ];
    }
    default: {
      // An object (e.g. a {lat, lng} point): every property wrong, or the wrong JSON type.
      const props = schema.properties ?? {};
      const allWrong = Object.fromEntries(Object.entries(props).map(([n, p]) => [n, rng.pick(invalidValues(doc, p, rng))]));
      return ['x', 5, true, [], [1, 2], [[1, 2]], allWrong, { ...baselineObject(doc, schema), unknownKey: 1 }];
    }
  }
}

/** Values that may be valid or not, but that must never make the server fail. */
export function edgeValues(doc: OpenApiDoc, raw: Schema, rng: Rng): unknown[] {
  const schema = resolveSchema(doc, raw);
  const common = [
    null,
    '',
    ' ',
    '\u0000',
    '2024-02-30',
    'NaN',
    '-0',
    rng.text(12),
    'ñandú 東京 🎉 \u202eevil',
    '%00',
    '../../etc/passwd',
    '$where',
    'constructor',
  ];
  switch (schema.type) {
    case 'number':
    case 'integer':
      return [...common, 0, -0, 1.5, 2 ** 53 + 1, -(2 ** 53 + 1), HUGE, -HUGE, 5e-324, 2019.0000001];
    case 'string':
      return [...common, rng.text(1000), '2026-03-01T00:00:00Z', '+275760-09-13', '0000-01-01', 'javascript:alert(1)', '<script>x</script>'];
    case 'array':
      return [[], [''], ['x', 'x'], [rng.text(20)], Array.from({ length: 17 }, (_, i) => i + 1)];
    default:
      return [...common, { lat: 0, lng: 0 }, { lat: -0, lng: 180 }, { lat: 90.0000001, lng: 0 }, { lat: '0', lng: '0' }];
  }
}

/** Path segments that are not ids. `normalizes`: the URL parser rewrites the path (so it may reach another route). */
export const HOSTILE_IDS: { value: string; normalizes?: boolean }[] = [
  { value: 'a'.repeat(5000) },
  { value: 'x'.repeat(101) },
  { value: '%00' },
  { value: 'abc%00def' },
  { value: '..%2F..%2Fetc%2Fpasswd' },
  { value: '%2e%2e', normalizes: true },
  { value: '..', normalizes: true },
  { value: encodeURIComponent('ñandú-東京-🎉') },
  { value: encodeURIComponent('\u202e\u200b') },
  { value: '$where' },
  { value: '%24where' },
  { value: encodeURIComponent('{"$gt":""}') },
  { value: '123' },
  { value: '-1' },
  { value: '1e309' },
  { value: 'null' },
  { value: '__proto__' },
  { value: 'constructor' },
  { value: '%20' },
  { value: '000000000000000000000000' },
  { value: '%E0%A4%A' },
  { value: '%ZZ' },
  { value: '%' },
  { value: encodeURIComponent("'; DROP TABLE cities; --") },
  { value: encodeURIComponent('(.*') },
  { value: '%5C' },
  { value: '*' },
];

/**
 * A hostile query string and what it attacks:
 * - `invalid`: wrong for `params` — a route documenting one of them must answer 400 naming it;
 * - `literal`: regex specials in `q`, to be searched for as text (200 where `q` is documented);
 * - `reserved`: a `$`-key or prototype key, a 400 naming it on every route;
 * - `oversized`: a request line over the HTTP parser's 16 KB, a 431 on every route;
 * - `any`: no rule but the common ones (no 5xx, problem+json).
 */
export interface HostileQuery {
  query: string;
  kind: 'invalid' | 'literal' | 'reserved' | 'oversized' | 'any';
  params?: string[];
}

/** 10 000 URL-safe characters: a long value that still fits in the request line. */
function longAscii(rng: Rng): string {
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~';
  let out = '';
  for (let i = 0; i < 10_000; i++) out += chars[rng.int(chars.length)];
  return out;
}

/** Query strings with wrong types, repeated keys, bracket "objects", operators and regex specials. */
export function hostileQueries(paramNames: string[], rng: Rng): HostileQuery[] {
  const long = longAscii(rng);
  const unicode = encodeURIComponent(rng.text(10_000));
  const paging = ['limit', 'page'];
  const q = (query: string, kind: HostileQuery['kind'], params?: string[]): HostileQuery => ({ query, kind, params });
  const fixed = [
    q('limit=abc&limit=5&page=-1&page[$gt]=1', 'invalid', paging),
    q('limit=5&limit=6', 'invalid', ['limit']),
    q('page=-1', 'invalid', ['page']),
    q('page=0&limit=0', 'invalid', paging),
    q('page=1.5&limit=2.5', 'invalid', paging),
    q('page=99999999999999999999&limit=1e309', 'invalid', paging),
    q('page[$gt]=1', 'invalid', ['page']),
    q('$where=1', 'reserved', ['$where']),
    q('__proto__=1', 'reserved', ['__proto__']),
    q('constructor=x', 'reserved', ['constructor']),
    q('prototype=y', 'reserved', ['prototype']),
    q('a[b][c][d][e]=1', 'any'),
    q('__proto__[polluted]=1', 'any'),
    q('constructor[prototype][polluted]=1', 'any'),
    q(`q=${long}`, 'invalid', ['q']),
    q(`q=${unicode}`, 'oversized'),
    q(`q=${encodeURIComponent('(.*')}`, 'literal', ['q']),
    q(`q=${encodeURIComponent('\\')}`, 'literal', ['q']),
    q(`q=${encodeURIComponent('[')}`, 'literal', ['q']),
    q(`q=${encodeURIComponent('*+?{1,}$^|')}`, 'literal', ['q']),
    q('q=%00', 'any'),
    q('q=%', 'any'),
    q('q=%E0%A4%A', 'any'),
    q('q[]=a&q[]=b', 'invalid', ['q']),
    q('q=a&q=b', 'invalid', ['q']),
  ];
  const perParam = paramNames.flatMap((name) => [
    q(`${name}=a&${name}=b`, 'invalid', [name]),
    q(`${name}[]=x`, 'invalid', [name]),
    q(`${name}[a]=1`, 'invalid', [name]),
    q(`${name}[$ne]=1`, 'invalid', [name]),
    q(`${name}=${long}`, 'invalid', [name]),
    q(`${name}=`, 'any'),
    q(`${name}=1e309`, 'any'),
    q(`${name}=-99999999999999999999`, 'any'),
    q(`${name}=NaN`, 'any'),
    q(`${name}=%00`, 'any'),
    q(`${name}=true`, 'any'),
    q(`${name}=${encodeURIComponent('{"$gt":""}')}`, 'any'),
    q(`${name}=${encodeURIComponent(rng.text(8))}`, 'any'),
  ]);
  return [...fixed, ...perParam];
}

/** Bodies of the wrong JSON type, as raw JSON text. */
export const WRONG_JSON_TYPES = ['[]', '[{}]', '"a string"', '123', '-1.5e308', 'null', 'true', 'false', '""', '[[[]]]'];

/** Bodies that are not JSON at all although they say they are. */
export const MALFORMED_JSON = ['{"a":', '{a:1}', "{'a':1}", '[1,]', 'NaN', 'undefined', '{"a":1}{"b":2}', '\u0000', '{"a":"\\x00"}', '{"a":1,}'];

/** Raw JSON text with keys that pollute prototypes when merged naively. */
export function prototypePollutionBodies(firstField: string | undefined): string[] {
  const bodies = [
    '{"__proto__":{"polluted":true,"role":"admin"}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"__proto__":null}',
    '{"prototype":{"polluted":true}}',
  ];
  if (firstField) {
    bodies.push(`{"${firstField}":{"__proto__":{"polluted":true}}}`, `{"${firstField}":"x","__proto__":{"polluted":true}}`);
  }
  return bodies;
}

/** Bodies with `$`-keys at the top, nested, and in array items. */
export function operatorKeyBodies(baseline: Record<string, unknown>, fields: string[]): unknown[] {
  const first = fields[0];
  const bodies: unknown[] = [{ $where: 'sleep(1000)' }, { ...baseline, $set: { role: 'admin' } }, { nested: { deeper: { $ne: 1 } } }];
  if (first) {
    bodies.push({ ...baseline, [first]: { $gt: '' } }, { ...baseline, [first]: [{ $in: ['a'] }] }, { ...baseline, [first]: { a: { $regex: '.*' } } });
  }
  return bodies;
}

/** Content types a JSON route does not take, each with a body of that type. */
export function foreignContentTypes(baselineJson: string): { contentType: string; body: string }[] {
  return [
    { contentType: 'text/plain', body: baselineJson },
    { contentType: 'text/plain; charset=utf-8', body: 'just some text' },
    { contentType: 'application/x-www-form-urlencoded', body: 'title=x&summary=y&fields[]=music&email=a%40b.c' },
    { contentType: 'text/csv', body: 'name,country\nX,ES\n' },
    { contentType: 'text/csv', body: baselineJson },
    { contentType: 'application/xml', body: '<?xml version="1.0"?><a>1</a>' },
    { contentType: 'multipart/form-data; boundary=xyz', body: '--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--xyz--\r\n' },
    { contentType: 'application/octet-stream', body: '\u0000\u0001\u0002' },
    { contentType: 'image/png', body: '\u0089PNG' },
    { contentType: 'application/jsonx', body: baselineJson },
    { contentType: 'application/json-patch+json', body: '[{"op":"add","path":"/role","value":"admin"}]' },
    { contentType: ';;;', body: baselineJson },
  ];
}

/** Idempotency-Key values outside `[\w.:-]{1,128}`. */
export const INVALID_IDEMPOTENCY_KEYS = [
  '',
  ' ',
  'a'.repeat(129),
  'k'.repeat(8000),
  'key with spaces',
  'ñandú',
  '../../etc',
  '$where',
  '{"$gt":""}',
  'a,b',
  'tab\tkey',
  '*',
];
