/**
 * docs/events.md's generated section, from the event classes and the notification rules: pure, so
 * the same input always gives the same text (`docs:events:check` compares it with the file).
 */

/** What the generator reads of an event class (see `defineEvent`). */
export interface DocumentedEvent {
  type: string;
  aggregateType: string;
  /** The payload's JSON Schema (`z.toJSONSchema` of the event's zod schema). */
  schema: JsonSchema;
}

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  title?: string;
  description?: string;
  format?: string;
}

/** Who an event type notifies, in words (the notification rules' `notifies`); undefined = nobody. */
export type NotifiesOf = (type: string) => string | undefined;

export function eventsMarkdown(events: readonly DocumentedEvent[], notifiesOf: NotifiesOf): string {
  const named = new Map<string, unknown[]>(); // titled value types met on the way, e.g. CreativeField
  const out: string[] = [];

  out.push('| event | aggregate | notifies |', '|---|---|---|');
  for (const e of events)
    out.push(`| [\`${e.type}\`](#${e.type.toLowerCase()}) | \`${e.aggregateType}\` | ${cell(notifiesOf(e.type) ?? 'nobody')} |`);

  for (const aggregate of unique(events.map((e) => e.aggregateType))) {
    out.push('', `### ${capitalize(aggregate)} events (\`aggregateType: "${aggregate}"\`)`);
    for (const e of events.filter((x) => x.aggregateType === aggregate)) {
      out.push('', `#### ${e.type}`, '');
      const notifies = notifiesOf(e.type);
      out.push(`${e.schema.description ?? ''} Notifies ${notifies ?? 'nobody'}${notifies ? '' : ' (a city cannot mute it)'}.`.trim(), '');
      out.push('| field | type | |', '|---|---|---|');
      for (const [field, schema] of Object.entries(e.schema.properties ?? {})) {
        const optional = e.schema.required?.includes(field) ? '' : '?';
        out.push(`| \`${field}${optional}\` | ${code(typeOf(schema, named))} | ${cell(schema.description ?? '')} |`);
      }
    }
  }

  if (named.size > 0) {
    out.push('', '### Value types', '', '| type | values |', '|---|---|');
    for (const [title, values] of [...named].sort(([a], [b]) => a.localeCompare(b))) {
      out.push(`| \`${title}\` | ${values.map((v) => code(JSON.stringify(v))).join(', ')} |`);
    }
  }
  return out.join('\n');
}

/** A JSON Schema as a TypeScript-like type: `string | null`, `CreativeField[]`, `{lat: number, lng: number}`. */
export function typeOf(s: JsonSchema, named: Map<string, unknown[]>): string {
  if (s.title && s.enum) {
    named.set(s.title, s.enum);
    return s.title;
  }
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.map((x) => typeOf(x, named)).join(' | ');
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (Array.isArray(s.type)) return s.type.map((type) => typeOf({ ...s, type }, named)).join(' | ');
  switch (s.type) {
    case 'array': {
      const item = typeOf(s.items ?? {}, named);
      return item.includes(' ') && !item.startsWith('{') ? `(${item})[]` : `${item}[]`;
    }
    case 'object': {
      const fields = Object.entries(s.properties ?? {}).map(([k, v]) => `${k}${s.required?.includes(k) ? '' : '?'}: ${typeOf(v, named)}`);
      return `{${fields.join(', ')}}`;
    }
    case 'string':
      return s.format === 'date' ? 'date' : 'string';
    default:
      return s.type ?? 'unknown';
  }
}

// Table cells: a `|` would end the cell, even inside a code span.
const cell = (text: string) => text.replace(/\|/g, '\\|');
const code = (text: string) => `\`${cell(text)}\``;
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const unique = <T>(values: T[]) => [...new Set(values)];
