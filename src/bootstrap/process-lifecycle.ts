import { InvalidConfigError } from '../config/app-config';

/**
 * On SIGINT/SIGTERM: say so, run `close` once (Nest closes HTTP, sockets, workers before queues,
 * then Redis and MongoDB), and exit; a close that hangs past `graceMs` exits with 1.
 */
export function closeOnSignals(announce: string, graceMs: number, close: () => Promise<void>): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${signal} received: ${announce}\n`);
    const force = setTimeout(() => process.exit(1), graceMs).unref();
    await close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** Runs a process's main; a bad setting prints only its message, anything else its stack. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error) => {
    process.stderr.write(`${error instanceof InvalidConfigError ? error.message : (error?.stack ?? error)}\n`);
    process.exit(1);
  });
}
