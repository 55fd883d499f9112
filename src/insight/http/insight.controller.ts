import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOptionalBearerAuth, ApiProblems } from '../../common/http/api-problems.decorator';
import { GetNetworkGraphDto } from '../queries/get-network-graph/get-network-graph.dto';
import { GetNetworkGraphQuery } from '../queries/get-network-graph/get-network-graph.query';
import { NetworkGraphView } from '../queries/get-network-graph/network-graph.view';
import { GetNetworkStatsQuery } from '../queries/get-network-stats/get-network-stats.query';
import { NetworkStatsView } from '../queries/get-network-stats/network-stats.view';

/** The network as a whole: statistics and the collaboration graph (public, from the insight read models). */
@ApiTags('insight')
@Controller()
export class InsightController {
  constructor(private readonly queries: QueryBus) {}

  @Get('stats')
  @ApiOperation({ summary: 'Counts by field, region, status, SDG and month, and the geographic balance of collaborations' })
  @ApiOkResponse({ type: NetworkStatsView })
  @ApiOptionalBearerAuth()
  @ApiProblems(401)
  stats(): Promise<NetworkStatsView> {
    return this.queries.execute(new GetNetworkStatsQuery());
  }

  @Get('network/graph')
  @ApiOperation({ summary: 'Cities and their collaborations (shared projects, completed exchanges) as a weighted graph' })
  @ApiOkResponse({ type: NetworkGraphView })
  @ApiOptionalBearerAuth()
  @ApiProblems(400, 401)
  graph(@Query() { field, region }: GetNetworkGraphDto): Promise<NetworkGraphView> {
    return this.queries.execute(new GetNetworkGraphQuery({ field, region }));
  }
}
