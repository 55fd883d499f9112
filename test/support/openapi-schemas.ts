import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** What a response of an operation is documented as: its content types and their schemas (none for a 204). */
export interface DocumentedResponse {
  content?: Record<string, { schema?: unknown }>;
}

/** An operation of the document, as the response checks need it. */
export interface DocumentedOperation {
  /** `GET /api/v1/projects/{id}` */
  key: string;
  method: string;
  path: string;
  summary?: string;
  responses: Record<string, DocumentedResponse>;
  parameters: { in: string; name: string }[];
  requestBody?: unknown;
  /** OpenAPI `security`: absent for an open route; `{}` among the requirements makes the token optional. */
  security?: Record<string, string[]>[];
}

/** Every operation of an OpenAPI document, in document order. */
export function operationsOf(doc: any): DocumentedOperation[] {
  return Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        summary: op.summary,
        responses: op.responses ?? {},
        parameters: op.parameters ?? [],
        requestBody: op.requestBody,
        security: op.security,
      })),
  );
}

const DOC_ID = 'openapi';

/**
 * OpenAPI 3.0 schema → JSON Schema (draft-07) as Ajv reads it, made strict:
 * - `nullable: true` (how swagger marks `T | null`, also beside `allOf: [{$ref}]`) becomes `anyOf [T, null]`;
 * - `#/components/schemas/X` points into one shared schema, so components are compiled once;
 * - an object with declared `properties` and no `additionalProperties` of its own gets `additionalProperties: false`:
 *   a member the API sends but the document does not name is a member a generated client drops or mistypes.
 *   Objects that say `additionalProperties` (free-form payloads, health details) keep what they say. An object
 *   extended through `allOf` with sibling members would be refused wrongly; the document has none among success bodies.
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace('#/components/schemas/', `${DOC_ID}#/definitions/`);
    else if (key === 'properties' && value && typeof value === 'object')
      out.properties = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema)]));
    else if (key === 'example' || key === 'examples') continue;
    else out[key] = toJsonSchema(value);
  }
  if (out.properties && out.additionalProperties === undefined && (out.type === 'object' || out.type === undefined)) out.additionalProperties = false;
  return nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

/** Validates bodies against the schemas of one OpenAPI document. */
export class ResponseValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(doc: any) {
    // strictTypes off: swagger writes `type: object` beside `allOf`, which draft-07 allows but Ajv's strict types warn about.
    this.ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DOC_ID, definitions: toJsonSchema(doc.components?.schemas ?? {}) });
  }

  /** The failures of `body` against `schema` (a documented response schema), as readable lines; none when it conforms. */
  errors(schema: unknown, body: unknown): string[] {
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as object);
      this.compiled.set(key, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map(describe);
  }
}

function describe(error: ErrorObject): string {
  const at = error.instancePath || '(body)';
  if (error.keyword === 'additionalProperties')
    return `${at}: undocumented member "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  if (error.keyword === 'required') return `${at}: missing "${(error.params as { missingProperty: string }).missingProperty}"`;
  return `${at}: ${error.message} (${error.schemaPath})`;
}
