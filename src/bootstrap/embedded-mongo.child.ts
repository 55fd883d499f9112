import { MongoMemoryServer } from '@app/mongo-memory';

/**
 * The embedded MongoDB-protocol server's own process (forked by embedded-mongo.ts): the API and the
 * database then run on two event loops, so on two cores. With `--data-dir`, recovers its data first.
 * Sends `{ uri, recovery }` once listening; stops when
 * the parent says `stop` or goes away (its IPC channel closes), so it never outlives `npm start`.
 */
async function main(): Promise<void> {
  const at = process.argv.indexOf('--data-dir');
  const dataDir = at >= 0 ? process.argv[at + 1] : undefined;
  // everysec: every acknowledged write is in the OS before the reply, so a killed `npm start` loses
  // nothing; only a power loss may cost the last second (j: true writes still wait for the fsync).
  const server = new MongoMemoryServer({
    replicaSet: 'rs0',
    dataDir,
    fsync: 'everysec',
    log: (message) => process.stderr.write(`[embedded MongoDB] ${message}\n`),
  });
  const uri = await server.start({ port: 0, host: '127.0.0.1' });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.stop().finally(() => process.exit(0));
  };
  // Ctrl-C reaches the whole process group: the parent drains first, then sends `stop`.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  process.on('message', (message) => message === 'stop' && stop());
  process.send!({ uri, recovery: server.recovery });
}

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
