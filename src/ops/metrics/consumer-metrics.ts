import { Subscriptions } from '@app/events';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MetricsRegistry } from './metrics.registry';

/**
 * Event consumers on /metrics: lag behind the head of the log, the attempts on the event a
 * consumer is retrying, failures and parked events counted by this process, and dead letters.
 */
@Injectable()
export class ConsumerMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly subscriptions: Subscriptions,
  ) {}

  onModuleInit(): void {
    const per = (pick: (c: Awaited<ReturnType<Subscriptions['status']>>[number]) => number) => async () =>
      (await this.subscriptions.status()).map((c) => ({ labels: { consumer: c.name }, value: pick(c) }));
    this.metrics.addGauge(
      'events_consumer_lag',
      'Events between the head of the log and the consumer’s checkpoint',
      ['consumer'],
      per((c) => c.lag),
    );
    this.metrics.addGauge(
      'events_consumer_failing_attempts',
      'Attempts so far on the event the consumer is retrying (0 when none fails)',
      ['consumer'],
      per((c) => c.failing?.attempts ?? 0),
    );
    this.metrics.addGauge(
      'events_consumer_failures',
      'Failed handler calls in this process since start',
      ['consumer'],
      per((c) => c.failures),
    );
    this.metrics.addGauge('events_dead_letters_parked', 'Events parked as dead letters and not yet retried or skipped', ['consumer'], async () => {
      const parked = await this.subscriptions.parkedCounts();
      return this.subscriptions.names().map((consumer) => ({ labels: { consumer }, value: parked.get(consumer) ?? 0 }));
    });
  }
}
