import type { Job } from 'bullmq';
import type { JobPayloads, QueueDefinition } from './queue-definition';

export type JobHandlers<J extends JobPayloads> = {
  [K in keyof J & string]?: (job: Job<J[K], unknown, K>) => Promise<unknown>;
};

/**
 * Base of every processor: a provider that handles some jobs of one queue. QueueWorkers finds the
 * processors of the process, runs one BullMQ Worker per queue and routes each job by name.
 */
export abstract class JobProcessor<J extends JobPayloads = JobPayloads> {
  abstract readonly queue: QueueDefinition<J>;
  abstract readonly handlers: JobHandlers<J>;
  /** Jobs run at once by this process's worker of the queue (default 10). */
  readonly concurrency?: number;
}
