import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AppConfig } from '../../config/app-config';
import { systemContext } from '../../shared/system-context';
import { ImportCitiesCommand } from '../commands/import-cities/import-cities.command';
import { formatImportReport, type ImportReport } from '../commands/import-cities/import-report';
import { CityDocument } from '../persistence/city.schema';
import { refreshSearchNames, type SearchNameRefresh } from './search-name-refresh';
import { seedSource } from './seed-source';

/**
 * At every start, first brings the stored uniqueness keys up to the current fold (see
 * refreshSearchNames: a no-op unless names hold invisible or compatibility characters). Then
 * loads the seed cities: at start-up when `AppConfig.seedOnStart` (the embedded default, tests),
 * and from `npm run seed`. It is an import of the seed list, so loading twice changes nothing and
 * records no second CityRegistered; two instances starting together settle on the unique index.
 */
@Injectable()
export class CitySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(CitySeeder.name);

  constructor(
    private readonly config: AppConfig,
    private readonly commands: CommandBus,
    @InjectModel(CityDocument.name) private readonly cities: Model<CityDocument>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refreshSearchNames();
    if (!this.config.seedOnStart) return;
    const report = await this.seed();
    if (report.imported > 0) this.logger.log(`Seeded ${report.imported} cities (${report.alreadyRegistered} were there)`);
  }

  /** Recomputes stale folded names; look-alikes that now collide are logged for an admin to rename, not failed on. */
  async refreshSearchNames(): Promise<SearchNameRefresh> {
    const refresh = await refreshSearchNames(this.cities);
    if (refresh.updated.length > 0) this.logger.log(`Recomputed the folded name of ${refresh.updated.length} cities`);
    for (const c of refresh.conflicts) {
      this.logger.warn(
        `City ${c.id} "${c.name}" (${c.country}) folds to "${c.searchName}" like another city of ${c.country}: rename or remove one of them`,
      );
    }
    return refresh;
  }

  async seed(): Promise<ImportReport> {
    const report = await this.commands.execute(new ImportCitiesCommand(seedSource(), { partial: false }, systemContext('seed')));
    // The seed list is code: a refusal is a bug to stop on, not a report to read.
    if (!report.applied) throw new Error(`The seed cities are invalid:\n${formatImportReport(report)}`);
    return report;
  }
}
