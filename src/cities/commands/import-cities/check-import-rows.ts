import { checkRegistration, cityKey, type CityValues } from '../../domain/city-registration';
import type { ImportRow, RowProblem } from './import-report';

export interface AcceptedRow {
  line: number;
  values: CityValues;
}

/**
 * Judges every row with the domain's registration rules and refuses a second row for the same
 * city (same name ignoring accents and case, same country) in one file. Pure: no I/O.
 */
export function checkImportRows(rows: readonly ImportRow[], today: Date = new Date()): { accepted: AcceptedRow[]; rejected: RowProblem[] } {
  const accepted: AcceptedRow[] = [];
  const rejected: RowProblem[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, input } of rows) {
    const checked = checkRegistration(input, today);
    const name = typeof input.name === 'string' && input.name.trim() ? input.name.trim() : null;
    if (!checked.ok) {
      rejected.push({ line, name, reasons: checked.problems.map((p) => p.message) });
      continue;
    }
    const key = cityKey(checked.values);
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      rejected.push({ line, name, reasons: [`the same city (name and country) is already on line ${first}`] });
      continue;
    }
    firstLineOf.set(key, line);
    accepted.push({ line, values: checked.values });
  }
  return { accepted, rejected };
}
