import { Query } from '@nestjs/cqrs';
import type { NetworkStatsView } from './network-stats.view';

export class GetNetworkStatsQuery extends Query<NetworkStatsView> {}
