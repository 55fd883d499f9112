import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QueueRegistry } from './queue-registry';

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed', 'completed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export interface QueueDepth {
  queue: string;
  state: QueueState;
  jobs: number;
}

/**
 * How many jobs each registered queue holds per state, read from Redis when asked. Operations
 * (ops/metrics) turns this into gauges: infrastructure reports, it never imports who reads.
 */
@Injectable()
export class QueueDepths {
  constructor(
    private readonly registry: QueueRegistry,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Rejects at once while Redis is down (the producer connection is fail-fast). */
  async read(): Promise<QueueDepth[]> {
    const depths: QueueDepth[] = [];
    for (const { name } of this.registry.all()) {
      const counts = await this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }).getJobCounts(...QUEUE_STATES);
      for (const state of QUEUE_STATES) depths.push({ queue: name, state, jobs: counts[state] ?? 0 });
    }
    return depths;
  }
}
