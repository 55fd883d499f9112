import type { AnyQueueDefinition as QueueDefinition } from './queue-definition';

/** The job names of `queues` that no processor handles (pure, for the start-up check). */
export function missingHandlers(
  queues: readonly QueueDefinition[],
  processors: readonly { queue: QueueDefinition; handlers: object }[],
): { queue: string; job: string }[] {
  const handled = new Set(
    processors.flatMap((p) =>
      Object.entries(p.handlers as Record<string, unknown>)
        .filter(([, fn]) => typeof fn === 'function')
        .map(([job]) => `${p.queue.name}\u0000${job}`),
    ),
  );
  return queues.flatMap((q) => q.jobNames.filter((job) => !handled.has(`${q.name}\u0000${job}`)).map((job) => ({ queue: q.name, job })));
}
