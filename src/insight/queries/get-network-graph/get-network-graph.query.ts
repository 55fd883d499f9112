import { Query } from '@nestjs/cqrs';
import type { GraphFilter } from '../../domain/network-graph';
import type { NetworkGraphView } from './network-graph.view';

export class GetNetworkGraphQuery extends Query<NetworkGraphView> {
  constructor(readonly filter: GraphFilter) {
    super();
  }
}
