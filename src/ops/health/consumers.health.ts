import { Subscriptions } from '@app/events';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

/**
 * The event consumers in `/health`: each one's lag behind the head of the log and whether it runs
 * here. Readiness is down while a consumer is stuck (behind, with no progress for
 * `CONSUMER_STUCK_AFTER_MS`), since what it feeds (inboxes, read models) has stopped moving.
 */
@Injectable()
export class ConsumersHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly subscriptions: Subscriptions,
  ) {}

  async check(key: string) {
    const indicator = this.health.check(key);
    let status: Awaited<ReturnType<Subscriptions['status']>>;
    try {
      status = await this.subscriptions.status();
    } catch (error) {
      return indicator.down({ message: `event log unreadable: ${error instanceof Error ? error.message : String(error)}` });
    }
    const details = Object.fromEntries(
      status.map((c) => [
        c.name,
        { lag: c.lag, checkpoint: c.checkpoint, runsHere: c.runsHere, stuck: c.stuck, ...(c.failing ? { failing: c.failing } : {}) },
      ]),
    );
    const stuck = status.filter((c) => c.stuck).map((c) => c.name);
    return stuck.length > 0 ? indicator.down({ ...details, message: `stuck: ${stuck.join(', ')}` }) : indicator.up(details);
  }
}
