import { ConflictError } from '@app/domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { City } from '../../domain/city';
import { CityCode } from '../../domain/city-errors';
import { cityActorOf } from '../../domain/city-policy';
import { cityKey } from '../../domain/city-registration';
import { CityRepository } from '../../persistence/city.repository';
import { checkImportRows, type AcceptedRow } from './check-import-rows';
import { ImportCitiesCommand } from './import-cities.command';
import type { ImportReport } from './import-report';

@CommandHandler(ImportCitiesCommand)
export class ImportCitiesHandler implements ICommandHandler<ImportCitiesCommand> {
  constructor(private readonly cities: CityRepository) {}

  async execute({ source, options, ctx }: ImportCitiesCommand): Promise<ImportReport> {
    const { accepted, rejected: badRows } = checkImportRows(source.rows);
    const rejected = [...source.problems, ...badRows].sort((a, b) => a.line - b.line);
    const report = { partial: options.partial, rows: source.rows.length + source.problems.filter((p) => p.line > 1).length, rejected };
    if (source.fatal || (rejected.length > 0 && !options.partial)) {
      return { ...report, applied: false, imported: 0, alreadyRegistered: 0 };
    }
    const imported = await this.registerMissing(accepted, ctx);
    return { ...report, applied: true, imported, alreadyRegistered: accepted.length - imported };
  }

  /**
   * One transaction for the whole batch. If another process registered one of these cities in the
   * meantime (two instances seeding at start-up), the batch fails on the unique index; the second
   * try sees that city as registered and writes the rest.
   */
  private async registerMissing(rows: readonly AcceptedRow[], ctx: ImportCitiesCommand['ctx'], attempt = 1): Promise<number> {
    const registered = await this.cities.registeredKeys(rows.map((r) => r.values));
    const missing = rows.filter((r) => !registered.has(cityKey(r.values)));
    const actor = cityActorOf(ctx);
    const cities = missing.map((r) => City.register(randomUUID(), r.values, actor));
    try {
      await this.cities.saveAll(cities, ctx);
    } catch (error) {
      if (attempt < 2 && error instanceof ConflictError && error.code === CityCode.Duplicate) return this.registerMissing(rows, ctx, attempt + 1);
      throw error;
    }
    return cities.length;
  }
}
