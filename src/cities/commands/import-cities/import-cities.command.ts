import type { CommandContext } from '@app/events';
import { Command } from '@nestjs/cqrs';
import type { ImportReport, ImportSource } from './import-report';

/**
 * Registers the cities of a list (CSV file, the seeds) that are not registered yet. All or nothing
 * by default: one bad row and nothing is written. `partial` imports the good rows anyway.
 * Idempotent: a city already registered (same name and country) is left as it is.
 */
export class ImportCitiesCommand extends Command<ImportReport> {
  constructor(
    readonly source: ImportSource,
    readonly options: { partial: boolean },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
