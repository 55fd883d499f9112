import { ApiProperty } from '@nestjs/swagger';
import type { CityRegistration } from '../../domain/city-registration';

/** One city to import, with the line of the file it came from (1 = the header). */
export interface ImportRow {
  line: number;
  input: CityRegistration;
}

/** A row refused, with every reason. Line 1 is the header: a problem there refuses the whole file. */
export interface RowProblem {
  line: number;
  name: string | null;
  reasons: string[];
}

/** What an import source (CSV file, the seed list) gives the import command. */
export interface ImportSource {
  rows: ImportRow[];
  /** Rows (or the header) that could not even be read. */
  problems: RowProblem[];
  /** True when the file as a whole is unusable (no header, missing columns, empty). */
  fatal: boolean;
}

export class RowProblemView implements RowProblem {
  @ApiProperty({ example: 4, description: 'Line in the file; 1 is the header' }) line!: number;
  @ApiProperty({ type: String, nullable: true, example: 'Atlantis' }) name!: string | null;
  @ApiProperty({ type: [String], example: ['country must be an ISO 3166-1 alpha-2 country code such as "ES"; "XX" is not one'] })
  reasons!: string[];
}

/** The answer of an import (CLI and POST /cities/import). */
export class ImportReport {
  @ApiProperty({ description: 'True when the accepted rows were written; false when the file was refused as a whole.' })
  applied!: boolean;
  @ApiProperty({ description: 'Whether good rows were imported despite bad ones (--partial).' }) partial!: boolean;
  @ApiProperty({ description: 'Data rows read (header and blank lines excluded).' }) rows!: number;
  @ApiProperty({ description: 'Cities registered by this import.' }) imported!: number;
  @ApiProperty({ description: 'Good rows whose city (same name and country) was registered already: left as they are.' })
  alreadyRegistered!: number;
  @ApiProperty({ type: [RowProblemView] }) rejected!: RowProblemView[];
}

/** The report as lines for a terminal. */
export function formatImportReport(report: ImportReport): string {
  const lines = [
    report.applied
      ? `Imported ${report.imported} new cit${report.imported === 1 ? 'y' : 'ies'}; ${report.alreadyRegistered} already registered (unchanged); ${report.rejected.length} row(s) rejected; ${report.rows} row(s) read.`
      : `Nothing imported: ${report.rejected.length} bad row(s) in ${report.rows} row(s) read. Fix them, or run with --partial to import the good rows.`,
  ];
  for (const problem of report.rejected) {
    lines.push(`  line ${problem.line}${problem.name ? ` (${problem.name})` : ''}: ${problem.reasons.join('; ')}`);
  }
  return lines.join('\n');
}
