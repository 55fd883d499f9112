import type { Problem } from '../../api/problem';
import type { components } from '../../api/schema';

type ImportReport = components['schemas']['ImportReport'];

/** The CSV's columns, as the API reads them (the messages name `location.lat` for the `lat` column). */
export const CSV_COLUMNS = ['name', 'country', 'region', 'field', 'designationYear', 'lat', 'lng'] as const;
export const CSV_HEADER = CSV_COLUMNS.join(',');

/**
 * The request for POST /cities/import: the file's text as the body, sent as it is (openapi-fetch
 * would JSON-encode it) with `Content-Type: text/csv`; `?partial=true` only when asked.
 */
export function importRequestOf(csv: string, partial: boolean) {
  return {
    params: { query: partial ? { partial: true } : {} },
    body: csv,
    bodySerializer: (body: string) => body,
    headers: { 'Content-Type': 'text/csv' },
  };
}

/** Reads a picked file as UTF-8 text (a byte-order mark dropped: spreadsheets add one). */
export async function csvTextOf(file: Blob): Promise<string> {
  return (await file.text()).replace(/^\uFEFF/, '');
}

export interface LineProblem {
  /** The CSV column at fault, when the message names one; null for the whole line. */
  column: string | null;
  message: string;
}

export interface BadLine {
  line: number;
  name: string | null;
  problems: LineProblem[];
}

/** What an import did, the same whether the API answered with its report (200) or refused the file (400). */
export interface ImportOutcome {
  applied: boolean;
  partial: boolean;
  imported: number;
  alreadyRegistered: number;
  badLines: BadLine[];
  /** Problems of the file as a whole or of no line (e.g. a body too big). */
  fileProblems: string[];
}

/** "location.lat must be …" → `lat`; "country must be …" → `country`; else null. */
export function columnOf(message: string): string | null {
  const first = /^([A-Za-z.]+)\b/.exec(message.trim())?.[1] ?? '';
  const column = first.startsWith('location.') ? first.slice('location.'.length) : first;
  return (CSV_COLUMNS as readonly string[]).includes(column) ? column : null;
}

const problemsOf = (reasons: string[]): LineProblem[] => reasons.map((message) => ({ column: columnOf(message), message }));

/** The 200 answer: what was imported, what was there, each bad line with its columns. */
export function outcomeOfReport(report: ImportReport): ImportOutcome {
  return {
    applied: report.applied,
    partial: report.partial,
    imported: report.imported,
    alreadyRegistered: report.alreadyRegistered,
    badLines: report.rejected.map((r) => ({ line: r.line, name: r.name, problems: problemsOf(r.reasons) })).sort((a, b) => a.line - b.line),
    fileProblems: [],
  };
}

/**
 * The 400 answer of an all-or-nothing import: nothing written, and `errors` naming each bad line
 * (`field` = "line N"), grouped here by line in file order. Anything else said goes to fileProblems.
 */
export function outcomeOfProblem(problem: Problem): ImportOutcome {
  const byLine = new Map<number, BadLine>();
  const fileProblems: string[] = [];
  for (const entry of problem.errors ?? []) {
    const line = /^line (\d+)$/.exec(entry.field ?? '')?.[1];
    const message = entry.message?.trim() || problem.title;
    if (!line) {
      fileProblems.push(entry.field ? `${entry.field}: ${message}` : message);
      continue;
    }
    const n = Number(line);
    const bad = byLine.get(n) ?? { line: n, name: null, problems: [] };
    bad.problems.push({ column: columnOf(message), message });
    byLine.set(n, bad);
  }
  if (!problem.errors?.length) fileProblems.push(problem.detail || problem.title);
  return {
    applied: false,
    partial: false,
    imported: 0,
    alreadyRegistered: 0,
    badLines: [...byLine.values()].sort((a, b) => a.line - b.line),
    fileProblems,
  };
}

/** Whether a partial import would write something: the refusal named lines, not the whole file (line 1 is the header). */
export const partialMayHelp = (o: ImportOutcome) =>
  !o.applied && o.badLines.length > 0 && o.fileProblems.length === 0 && o.badLines.every((b) => b.line > 1);
