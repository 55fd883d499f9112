import { Module } from '@nestjs/common';

/** Network insight (SPEC §3): statistics, the collaboration graph, open data exports, city reports. */
@Module({})
export class InsightModule {}
