import type { Schema } from './hostile-input';

/**
 * Where `value` departs from an OpenAPI schema, as readable lines (none when it conforms): types,
 * required members, array items, nested objects and the `uri` format. Members the schema does not
 * name are allowed (RFC 9457 problems may carry extensions). Enough to hold error answers to the
 * documented Problem; not a general validator.
 */
export function shapeErrors(schema: Schema, value: unknown, path: string): string[] {
  if (value === null && schema.nullable) return [];
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return [`${path} is not a string`];
      return schema.format === 'uri' && !URL.canParse(value) ? [`${path} is not a URI`] : [];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${path} is not an integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${path} is not a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path} is not a boolean`];
    case 'array':
      if (!Array.isArray(value)) return [`${path} is not an array`];
      return schema.items ? value.flatMap((item, i) => shapeErrors(schema.items!, item, `${path}[${i}]`)) : [];
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path} is not an object`];
      const record = value as Record<string, unknown>;
      const missing = (schema.required ?? []).filter((name) => record[name] === undefined).map((name) => `${path}.${name} is missing`);
      const wrong = Object.entries(schema.properties ?? {})
        .filter(([name]) => record[name] !== undefined)
        .flatMap(([name, prop]) => shapeErrors(prop, record[name], `${path}.${name}`));
      return [...missing, ...wrong];
    }
    default:
      return [];
  }
}
