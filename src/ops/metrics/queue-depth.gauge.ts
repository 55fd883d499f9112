import { Injectable, type OnModuleInit } from '@nestjs/common';
import { QueueDepths } from '../../infra/queues/queue-depths';
import { MetricsRegistry } from './metrics.registry';

/** Queue depths on /metrics (`bullmq_queue_jobs{queue,state}`), read from Redis at each scrape. */
@Injectable()
export class QueueDepthGauge implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly depths: QueueDepths,
  ) {}

  onModuleInit(): void {
    // While Redis is down the read fails and the scrape simply has no queue rows (see addGauge).
    this.metrics.addGauge('bullmq_queue_jobs', 'BullMQ jobs per queue and state', ['queue', 'state'], async () =>
      (await this.depths.read()).map(({ queue, state, jobs }) => ({ labels: { queue, state }, value: jobs })),
    );
  }
}
