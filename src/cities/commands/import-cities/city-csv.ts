import type { ImportRow, ImportSource, RowProblem } from './import-report';

/**
 * Reads the network list as CSV (RFC 4180: comma-separated, optional double quotes, "" inside
 * quotes, CRLF or LF, UTF-8 with or without BOM). The header names the columns, in any order and
 * any case: name, country, region, field, designationYear, lat, lng (lat and lng optional, both or
 * neither per row). Values are only shaped here (numbers parsed, blanks dropped); the domain's
 * rules judge them, so the import report and the API say the same thing.
 */
export const CSV_COLUMNS = ['name', 'country', 'region', 'field', 'designationYear', 'lat', 'lng'] as const;
const REQUIRED = ['name', 'country', 'region', 'field', 'designationYear'] as const;
export const MAX_IMPORT_ROWS = 10_000;

type Column = (typeof CSV_COLUMNS)[number];

interface CsvRecord {
  line: number;
  values: string[];
}

export function parseCityCsv(text: string): ImportSource {
  const records = readRecords(text.replace(/^\uFEFF/, ''));
  const header = records.shift();
  if (!header) return fatal('the file is empty: expected a header line with the columns ' + CSV_COLUMNS.join(','));

  const columns = new Map<Column, number>();
  const reasons: string[] = [];
  header.values.forEach((raw, index) => {
    const column = CSV_COLUMNS.find((c) => c.toLowerCase() === raw.trim().toLowerCase());
    if (!column) reasons.push(`unknown column "${raw.trim()}" (the columns are ${CSV_COLUMNS.join(', ')})`);
    else if (columns.has(column)) reasons.push(`column "${column}" appears twice`);
    else columns.set(column, index);
  });
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) reasons.push(`missing column(s): ${missing.join(', ')}`);
  if (columns.has('lat') !== columns.has('lng')) reasons.push('lat and lng go together: give both columns or neither');
  if (records.length > MAX_IMPORT_ROWS) reasons.push(`at most ${MAX_IMPORT_ROWS} rows per file; this one has ${records.length}`);
  if (reasons.length > 0) return { rows: [], problems: [{ line: header.line, name: null, reasons }], fatal: true };
  if (records.length === 0) return fatal('the file has a header but no rows');

  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  for (const record of records) {
    const cell = (column: Column) => {
      const index = columns.get(column);
      return index === undefined ? '' : (record.values[index] ?? '').trim();
    };
    if (record.values.length !== header.values.length) {
      problems.push({
        line: record.line,
        name: cell('name') || null,
        reasons: [`expected ${header.values.length} values, found ${record.values.length}`],
      });
      continue;
    }
    const lat = cell('lat');
    const lng = cell('lng');
    rows.push({
      line: record.line,
      input: {
        name: cell('name'),
        country: cell('country'),
        region: cell('region'),
        field: cell('field'),
        designationYear: numberOrText(cell('designationYear')),
        location: lat === '' && lng === '' ? null : { lat: numberOrText(lat), lng: numberOrText(lng) },
      },
    });
  }
  return { rows, problems, fatal: false };
}

function fatal(reason: string): ImportSource {
  return { rows: [], problems: [{ line: 1, name: null, reasons: [reason] }], fatal: true };
}

/** "2019" → 2019 and "39.6" → 39.6; anything else stays text for the domain to refuse by name. */
function numberOrText(value: string): number | string {
  if (value === '') return value;
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
}

/** Splits the text into records, each with the line it starts on; blank lines are skipped. */
function readRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let values: string[] = [];
  let value = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let touched = false; // the current record has content (so a blank line is not a record)

  const endValue = () => {
    values.push(value);
    value = '';
  };
  const endRecord = () => {
    endValue();
    if (touched) records.push({ line: startLine, values });
    values = [];
    touched = false;
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        value += c;
      }
      continue;
    }
    if (c === '"' && value.trim() === '') {
      quoted = true;
      value = '';
      touched = true;
    } else if (c === ',') {
      endValue();
      touched = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else {
      if (!touched && c.trim() === '') continue;
      value += c;
      touched = true;
    }
  }
  endRecord();
  return records;
}
