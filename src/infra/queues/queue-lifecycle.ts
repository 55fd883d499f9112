import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, Optional, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QueueRegistry } from './queue-registry';
import { QueueWorkers } from './queue-workers';

/**
 * Order of shutdown: workers first (they finish their active jobs), then the queues, all in
 * onModuleDestroy — before Redis and MongoDB close in onApplicationShutdown. Also logs queue
 * connection errors once per outage (BullMQ prints them to stderr when nobody listens).
 */
@Injectable()
export class QueueLifecycle implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Queues');
  private queues: Queue[] = [];

  constructor(
    private readonly registry: QueueRegistry,
    private readonly moduleRef: ModuleRef,
    @Optional() private readonly workers?: QueueWorkers,
  ) {}

  onModuleInit(): void {
    this.queues = this.registry.all().map(({ name }) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    for (const queue of this.queues) {
      let failing = false;
      queue.on('error', (error) => {
        if (!failing) this.logger.warn(`Queue "${queue.name}": ${error.message}`);
        failing = true;
      });
      queue.on('ioredis:close', () => undefined);
      queue.waitUntilReady().then(
        () => (failing = false),
        () => undefined,
      );
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.workers?.closeAll();
    await Promise.all(this.queues.map((q) => q.close().catch(() => undefined)));
  }
}
