import type { JobsOptions } from 'bullmq';

/** Job name → payload type of one queue. */
export type JobPayloads = Record<string, object>;

/**
 * A queue and the typed jobs it carries. Declared once (by the module that owns the jobs) and
 * shared by its producer and its processor, so a job name and its payload cannot drift apart.
 */
export interface QueueDefinition<J extends JobPayloads = JobPayloads> {
  readonly name: string;
  /** Every job name of the queue: start-up fails where workers run if one has no handler. */
  readonly jobNames: readonly (keyof J & string)[];
  readonly defaultJobOptions: JobsOptions;
  /** Phantom field carrying the payload types; never set at run time. */
  readonly __payloads?: J;
}

export type PayloadsOf<Q> = Q extends QueueDefinition<infer J> ? J : never;

/** Retention shared by every queue: failures stay visible on the dashboard for a week. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  // 1 s, 2 s, 4 s … about 8.5 minutes in total before a job is given up as failed.
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 20_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 50_000 },
};

/**
 * A backoff for jobs that wait on another system for hours (an SMTP server, a webhook receiver):
 * `{ type: CAPPED_EXPONENTIAL, delay }` doubles from `delay` like BullMQ's exponential, but never
 * waits more than MAX_BACKOFF_MS between two attempts (BullMQ's own has no cap).
 */
export const CAPPED_EXPONENTIAL = 'capped-exponential';
export const MAX_BACKOFF_MS = 10 * 60_000;

/** The delay before attempt `attemptsMade + 1` of a capped-exponential backoff starting at `delay`. */
export function cappedExponentialDelay(attemptsMade: number, delay: number): number {
  return Math.min(delay * 2 ** Math.min(Math.max(attemptsMade - 1, 0), 30), MAX_BACKOFF_MS);
}

export function defineQueue<J extends JobPayloads>(
  name: string,
  jobNames: readonly (keyof J & string)[],
  defaultJobOptions: JobsOptions = {},
): QueueDefinition<J> {
  if (name.includes(':')) throw new Error(`Queue name "${name}" must not contain ":"`);
  return { name, jobNames: [...jobNames], defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, ...defaultJobOptions } };
}

/**
 * A job id from parts, safe for BullMQ: it refuses `:` in custom ids (reserved for its own keys)
 * and integers, so each part is URI-encoded and the parts joined with `@`.
 */
export function jobIdOf(...parts: string[]): string {
  return parts.map((p) => encodeURIComponent(p)).join('@');
}

/** Any queue, whatever its payloads (registries and checks that only read names). */
export type AnyQueueDefinition = QueueDefinition<any>;
