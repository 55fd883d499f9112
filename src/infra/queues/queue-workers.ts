import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { RedisConnections } from '../redis/redis-connections';
import { JobProcessor } from './job-processor';
import { CAPPED_EXPONENTIAL, cappedExponentialDelay } from './queue-definition';
import { QueueRegistry } from './queue-registry';
import { missingHandlers } from './missing-handlers';

export const DEFAULT_CONCURRENCY = 10;

/**
 * Runs the BullMQ workers of this process (only where workers run: `npm run start:worker`, or the
 * API with RUN_WORKERS). Workers are created here rather than by @nestjs/bullmq's explorer because
 * they need a blocking connection while producers share a fail-fast one, and because shutdown
 * must close them first (QueueLifecycle), before queues, Redis and MongoDB close.
 */
@Injectable()
export class QueueWorkers implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(QueueWorkers.name);
  private readonly workers: Worker[] = [];
  private processors: JobProcessor[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly registry: QueueRegistry,
    private readonly redis: RedisConnections,
    private readonly config: AppConfig,
  ) {}

  /** Start-up check: every job name of every known queue has a handler in this process. */
  onModuleInit(): void {
    this.processors = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is JobProcessor => instance instanceof JobProcessor);
    const missing = missingHandlers(this.registry.all(), this.processors);
    if (missing.length > 0) {
      throw new Error(
        `Workers run in this process, but these jobs have no processor: ${missing.map((m) => `"${m.job}" (queue "${m.queue}")`).join(', ')}. ` +
          'Provide a JobProcessor with a handler for each, or run without workers.',
      );
    }
  }

  onApplicationBootstrap(): void {
    for (const [queueName, processors] of groupByQueue(this.processors)) {
      const concurrency = Math.max(...processors.map((p) => p.concurrency ?? DEFAULT_CONCURRENCY));
      const route = routeJobs(queueName, processors);
      const worker = new Worker(queueName, route, {
        connection: this.redis.create(`worker:${queueName}`, { blocking: true }),
        prefix: this.redis.queuePrefix(queueName),
        concurrency,
        // After a Redis outage, come back within a second instead of BullMQ's default 15 s.
        runRetryDelay: 1000,
        // A job whose worker died (its lock not renewed) runs again after about this long.
        lockDuration: this.config.env.JOB_LOCK_MS,
        stalledInterval: this.config.env.JOB_LOCK_MS,
        settings: {
          backoffStrategy: (attemptsMade, type, _error, job) =>
            type === CAPPED_EXPONENTIAL
              ? cappedExponentialDelay(
                  attemptsMade,
                  job?.opts.backoff && typeof job.opts.backoff === 'object' ? (job.opts.backoff.delay ?? 1000) : 1000,
                )
              : 0,
        },
      });
      let failing = false;
      worker.on('error', (error) => {
        // One line per outage, not one per reconnection attempt.
        if (!failing) this.logger.warn(`Worker "${queueName}": ${error.message}`);
        failing = true;
      });
      worker.on('ready', () => (failing = false));
      worker.on('failed', (job, error) => {
        this.logger.warn(`Job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`);
      });
      this.workers.push(worker);
    }
    if (this.workers.length) this.logger.log(`Workers started: ${this.workers.map((w) => `${w.name}×${w.concurrency}`).join(', ')}`);
  }

  /** Graceful: stop taking jobs and wait for the active ones to finish (never left active). */
  async closeAll(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers.length = 0;
  }

  /** QueueLifecycle calls closeAll first; this only covers a context without it. */
  async onModuleDestroy(): Promise<void> {
    await this.closeAll();
  }

  get running(): readonly Worker[] {
    return this.workers;
  }
}

function groupByQueue(processors: JobProcessor[]): Map<string, JobProcessor[]> {
  const groups = new Map<string, JobProcessor[]>();
  for (const p of processors) groups.set(p.queue.name, [...(groups.get(p.queue.name) ?? []), p]);
  return groups;
}

function routeJobs(queueName: string, processors: JobProcessor[]): (job: Job) => Promise<unknown> {
  const handlers = new Map<string, (job: Job) => Promise<unknown>>();
  for (const p of processors) {
    for (const [name, handler] of Object.entries(p.handlers)) {
      if (handler) handlers.set(name, handler.bind(p) as (job: Job) => Promise<unknown>);
    }
  }
  return async (job) => {
    const handler = handlers.get(job.name);
    // Retrying cannot help a job nobody here knows: fail it at once, visibly.
    if (!handler) throw new UnrecoverableError(`No handler for job "${job.name}" on queue "${queueName}"`);
    return handler(job);
  };
}
