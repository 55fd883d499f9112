import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { MetricsRegistry } from '../../ops/metrics/metrics.registry';
import { QueueRegistry } from './queue-registry';

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed', 'completed'] as const;

/** Queue depths on /metrics (`bullmq_queue_jobs{queue,state}`), read from Redis at each scrape. */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly registry: QueueRegistry,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.metrics.addGauge('bullmq_queue_jobs', 'BullMQ jobs per queue and state', ['queue', 'state'], async () => {
      const rows: { labels: Record<string, string>; value: number }[] = [];
      for (const { name } of this.registry.all()) {
        const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
        // Fails fast while Redis is down: the scrape then simply has no queue rows.
        const counts = await queue.getJobCounts(...STATES);
        for (const state of STATES) rows.push({ labels: { queue: name, state }, value: counts[state] ?? 0 });
      }
      return rows;
    });
  }
}
