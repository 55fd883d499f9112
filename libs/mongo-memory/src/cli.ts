import { MongoMemoryServer } from './server';

/**
 * `npm run mongo-memory -- --port 27017 [--host 127.0.0.1] [--replSet rs0] [--transaction-lifetime-ms 60000]`:
 * serves until SIGINT/SIGTERM.
 */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const port = Number(option('port') ?? 27017);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got ${option('port')}`);
  const lifetime = option('transaction-lifetime-ms');
  const transactionLifetimeMs = lifetime === undefined ? undefined : Number(lifetime);
  if (transactionLifetimeMs !== undefined && !(Number.isFinite(transactionLifetimeMs) && transactionLifetimeMs > 0)) {
    throw new Error(`--transaction-lifetime-ms must be a positive number of milliseconds, got ${lifetime}`);
  }
  const server = new MongoMemoryServer({ replicaSet: option('replSet'), transactionLifetimeMs });
  const uri = await server.start({ port, host: option('host') ?? '127.0.0.1' });
  process.stdout.write(`mongo-memory listening: ${uri}\n(in-memory test server: data is lost on exit)\n`);
  const shutdown = () => {
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`mongo-memory: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
