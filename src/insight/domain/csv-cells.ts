/**
 * How a value becomes a CSV cell in every insight CSV (exports and reports). csv-stringify does
 * the RFC 4180 quoting (commas, quotes, line breaks); this decides the text:
 *
 * - Formula injection: a text that a spreadsheet would run as a formula (starting with `=`, `+`,
 *   `-`, `@`, a tab or a carriage return) is prefixed with `'`, as OWASP advises. A text already
 *   starting with `'` gets one too, so that reading back is exact: drop one leading `'`.
 *   Numbers stay numbers (`-17.44` is a longitude, not a formula).
 * - Lists: items joined with `;`, a `;` or `\` inside an item escaped with `\`.
 * - Dates: ISO 8601 in UTC; null or missing: an empty cell.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

export function textCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function listCell(items: readonly (string | number)[]): string {
  return textCell(items.map((item) => String(item).replace(/[\\;]/g, (c) => `\\${c}`)).join(';'));
}

export function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return listCell(value as (string | number)[]);
  return textCell(String(value));
}

/** The inverse of `textCell`, for clients and tests. */
export const untextCell = (text: string): string => (text.startsWith("'") ? text.slice(1) : text);

/** The inverse of `listCell`. */
export function unlistCell(text: string): string[] {
  const raw = untextCell(text);
  if (raw === '') return [];
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\' && i + 1 < raw.length) current += raw[++i];
    else if (raw[i] === ';') {
      items.push(current);
      current = '';
    } else current += raw[i];
  }
  items.push(current);
  return items;
}
