import { stringify } from 'csv-stringify/sync';
import { cell } from '../../domain/csv-cells';
import type { ExportFormat, Row } from '../../domain/export-datasets';

/** Bytes gathered before a chunk is handed on: few large writes, memory bounded by it. */
const CHUNK_CHARS = 64 * 1024;
/** Rows CSV-encoded at a time. */
const CSV_ROWS = 256;

/**
 * The text of an export, chunk by chunk, pulled from `rows` (a cursor) only as fast as the client
 * reads: `Readable.from` asks for the next chunk when the socket drained the last, so memory holds
 * one cursor batch and one chunk whatever the size of the export.
 */
export async function* exportChunks(rows: AsyncIterable<Row>, columns: readonly string[], format: ExportFormat): AsyncGenerator<string> {
  let buffer = '';
  let pending: string[][] = [];
  let first = true;
  const csv = (records: string[][]) => stringify(records, { record_delimiter: 'windows' });

  if (format === 'csv') buffer += csv([[...columns]]);
  if (format === 'json') buffer += '[';
  for await (const row of rows) {
    if (format === 'csv') {
      pending.push(columns.map((column) => cell(row[column])));
      if (pending.length >= CSV_ROWS) {
        buffer += csv(pending);
        pending = [];
      }
    } else {
      const ordered = Object.fromEntries(columns.map((column) => [column, row[column] ?? null]));
      buffer += format === 'json' ? `${first ? '\n' : ',\n'}${JSON.stringify(ordered)}` : `${JSON.stringify(ordered)}\n`;
    }
    first = false;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  if (pending.length > 0) buffer += csv(pending);
  if (format === 'json') buffer += first ? ']\n' : '\n]\n';
  if (buffer.length > 0) yield buffer;
}
