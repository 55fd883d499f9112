import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { networkStats } from '../../domain/network-stats';
import { InsightReader } from '../../persistence/insight-reader';
import { GetNetworkStatsQuery } from './get-network-stats.query';
import type { NetworkStatsView } from './network-stats.view';

/** Reads the four read models at once and counts (domain/network-stats.ts says what counts where). */
@QueryHandler(GetNetworkStatsQuery)
export class GetNetworkStatsHandler implements IQueryHandler<GetNetworkStatsQuery> {
  constructor(private readonly reader: InsightReader) {}

  async execute(): Promise<NetworkStatsView> {
    const [cities, projects, practices, exchanges] = await Promise.all([
      this.reader.cities(),
      this.reader.projects(),
      this.reader.practiceGroups(),
      this.reader.exchanges(),
    ]);
    return networkStats(cities, projects, practices, exchanges);
  }
}
