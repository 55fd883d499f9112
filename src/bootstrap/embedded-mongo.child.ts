import { MongoMemoryServer } from '@app/mongo-memory';

/**
 * The embedded MongoDB-protocol server's own process (forked by embedded-mongo.ts): the API and the
 * database then run on two event loops, so on two cores. Sends `{ uri }` once listening; stops when
 * the parent says `stop` or goes away (its IPC channel closes), so it never outlives `npm start`.
 */
async function main(): Promise<void> {
  const server = new MongoMemoryServer({ replicaSet: 'rs0' });
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
  process.send!({ uri });
}

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
