import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AppConfig } from '../../config/app-config';
import { systemContext } from '../../shared/system-context';
import { ImportCitiesCommand } from '../commands/import-cities/import-cities.command';
import { formatImportReport, type ImportReport } from '../commands/import-cities/import-report';
import { seedSource } from './seed-source';

/**
 * Loads the seed cities: at start-up when `AppConfig.seedOnStart` (the embedded default, tests),
 * and from `npm run seed`. It is an import of the seed list, so loading twice changes nothing and
 * records no second CityRegistered; two instances starting together settle on the unique index.
 */
@Injectable()
export class CitySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(CitySeeder.name);

  constructor(
    private readonly config: AppConfig,
    private readonly commands: CommandBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedOnStart) return;
    const report = await this.seed();
    if (report.imported > 0) this.logger.log(`Seeded ${report.imported} cities (${report.alreadyRegistered} were there)`);
  }

  async seed(): Promise<ImportReport> {
    const report = await this.commands.execute(new ImportCitiesCommand(seedSource(), { partial: false }, systemContext('seed')));
    // The seed list is code: a refusal is a bug to stop on, not a report to read.
    if (!report.applied) throw new Error(`The seed cities are invalid:\n${formatImportReport(report)}`);
    return report;
  }
}
