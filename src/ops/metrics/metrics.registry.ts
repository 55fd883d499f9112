import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** A gauge source registered by another module (e.g. queue depths), read at each scrape. */
export type GaugeCollector = () => Promise<{ labels: Record<string, string>; value: number }[]>;

/**
 * One prom-client registry per app instance (not the global default), so two instances in one
 * process (tests) never clash on metric names.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Adds a gauge whose values come from `collect` at scrape time. */
  addGauge(name: string, help: string, labelNames: string[], collect: GaugeCollector): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { labels, value } of await collect().catch(() => [])) this.set(labels, value);
      },
    });
  }
}
