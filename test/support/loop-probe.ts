/**
 * Preloaded into an app process (`startAppProcess(env, …, { probe: true })`): watches that process's
 * event loop, so a test measures the application's stalls alone — not the test runner's, whose
 * request generation and garbage collection share a loop with an in-process app — and answers
 * `loop-report` messages over the IPC channel (`loop-reset` forgets the start-up).
 */
import { StallWatch, type LoopDelay, type Stall } from './stall-watch';

export interface LoopReport extends LoopDelay {
  stalls: Stall[];
}

const watch = new StallWatch(50);
watch.start();
process.on('message', (message) => {
  if (message === 'loop-reset') watch.reset();
  if (message === 'loop-report')
    process.send?.({ type: 'loop-report', stalls: watch.stalls, ...watch.delay() } satisfies LoopReport & { type: string });
});
// The channel must not keep the process alive once the app has closed.
process.channel?.unref();
