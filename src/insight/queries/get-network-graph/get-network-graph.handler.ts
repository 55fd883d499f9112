import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { networkGraph } from '../../domain/network-graph';
import { InsightReader } from '../../persistence/insight-reader';
import { GetNetworkGraphQuery } from './get-network-graph.query';
import type { NetworkGraphView } from './network-graph.view';

@QueryHandler(GetNetworkGraphQuery)
export class GetNetworkGraphHandler implements IQueryHandler<GetNetworkGraphQuery> {
  constructor(private readonly reader: InsightReader) {}

  async execute({ filter }: GetNetworkGraphQuery): Promise<NetworkGraphView> {
    const [cities, projects, exchanges] = await Promise.all([
      this.reader.cities(),
      this.reader.projects({ sharedIn: [] }),
      this.reader.exchanges({ completed: true }),
    ]);
    return networkGraph(cities, projects, exchanges, filter);
  }
}
