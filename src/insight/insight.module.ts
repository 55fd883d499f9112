import { Module } from '@nestjs/common';
import { CountRegionLinksHandler } from './queries/count-region-links/count-region-links.handler';
import { InsightCitiesProjector } from './consumers/cities.projector';
import { InsightEndorsementsProjector } from './consumers/endorsements.projector';
import { InsightExchangesProjector } from './consumers/exchanges.projector';
import { InsightPracticesProjector } from './consumers/practices.projector';
import { InsightProjectsProjector } from './consumers/projects.projector';
import { CityReportController } from './http/city-report.controller';
import { ExportsController } from './http/exports.controller';
import { InsightController } from './http/insight.controller';
import { InsightReader } from './persistence/insight-reader';
import { ExportDatasetHandler } from './queries/export-dataset/export-dataset.handler';
import { GetCityReportHandler } from './queries/get-city-report/get-city-report.handler';
import { GetNetworkGraphHandler } from './queries/get-network-graph/get-network-graph.handler';
import { GetNetworkStatsHandler } from './queries/get-network-stats/get-network-stats.handler';

/**
 * Network insight (SPEC §3): statistics, the collaboration graph, open data exports and city
 * reports, all answered from read models the event log feeds (consumers/), never from the other
 * modules' collections. Each read model is a projection: `npm run rebuild:read-models -- insight.<name>`.
 */
@Module({
  controllers: [InsightController, ExportsController, CityReportController],
  providers: [
    InsightReader,
    // read models
    InsightCitiesProjector,
    InsightProjectsProjector,
    InsightPracticesProjector,
    InsightEndorsementsProjector,
    InsightExchangesProjector,
    // queries
    GetNetworkStatsHandler,
    GetNetworkGraphHandler,
    GetCityReportHandler,
    ExportDatasetHandler,
    CountRegionLinksHandler,
  ],
})
export class InsightModule {}
