import { Global, Module } from '@nestjs/common';
import { ConsumerMetrics } from './consumer-metrics';
import { MetricsTokenGuard } from './metrics-token.guard';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics.registry';
import { QueueDepthGauge } from './queue-depth.gauge';

/** /metrics of the HTTP process. Needs QueuesModule.forRoot({ http: true }) for the queue depths. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsRegistry, QueueDepthGauge, ConsumerMetrics, MetricsTokenGuard],
  exports: [MetricsRegistry],
})
export class MetricsModule {}
