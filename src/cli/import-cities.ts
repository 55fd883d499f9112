import { CommandBus } from '@nestjs/cqrs';
import { readFile } from 'node:fs/promises';
import { parseCityCsv } from '../cities/commands/import-cities/city-csv';
import { ImportCitiesCommand } from '../cities/commands/import-cities/import-cities.command';
import { formatImportReport } from '../cities/commands/import-cities/import-report';
import { systemContext } from '../shared/system-context';
import { runCli, UsageError } from './cli-app';

const USAGE = 'npm run import:cities -- FILE.csv [--partial]   (columns: name,country,region,field,designationYear,lat,lng)';

/**
 * npm run import:cities -- FILE.csv [--partial] — all or nothing by default (exit 1 and nothing
 * written if a row is bad, every bad row listed); --partial imports the good rows. Idempotent.
 */
void runCli('import:cities', USAGE, async (app, out) => {
  const args = process.argv.slice(2);
  const partial = args.includes('--partial');
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--partial');
  const files = args.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown.join(', ')}`);
  if (files.length !== 1) throw new UsageError('give exactly one CSV file');

  let text: string;
  try {
    text = await readFile(files[0], 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${files[0]}: ${(error as Error).message}`);
  }
  const report = await app.get(CommandBus).execute(new ImportCitiesCommand(parseCityCsv(text), { partial }, systemContext('import')));
  out(formatImportReport(report));
  return report.applied ? 0 : 1;
});
