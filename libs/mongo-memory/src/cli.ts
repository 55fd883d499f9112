import { FSYNC_POLICIES, type FsyncPolicy } from './durability/journal';
import { MongoMemoryServer } from './server';

/**
 * `npm run mongo-memory -- --port 27017 [--host 127.0.0.1] [--replSet rs0] [--transaction-lifetime-ms 60000]
 *   [--data-dir ./data/mongo [--fsync always|everysec|no] [--compact-after-mb 64]]`:
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
  const dataDir = option('data-dir');
  const fsync = option('fsync');
  if (fsync !== undefined && !FSYNC_POLICIES.includes(fsync as FsyncPolicy)) {
    throw new Error(`--fsync must be one of ${FSYNC_POLICIES.join(', ')}, got ${fsync}`);
  }
  const compactMb = option('compact-after-mb');
  const compactAfterBytes = compactMb === undefined ? undefined : Number(compactMb) * 1024 * 1024;
  if (compactAfterBytes !== undefined && !(compactAfterBytes > 0)) throw new Error(`--compact-after-mb must be a positive number, got ${compactMb}`);
  if (!dataDir && (fsync !== undefined || compactAfterBytes !== undefined)) throw new Error('--fsync and --compact-after-mb need --data-dir');
  const server = new MongoMemoryServer({
    replicaSet: option('replSet'),
    transactionLifetimeMs,
    dataDir,
    fsync: fsync as FsyncPolicy | undefined,
    compactAfterBytes,
  });
  const uri = await server.start({ port, host: option('host') ?? '127.0.0.1' });
  const recovery = server.recovery;
  if (recovery) {
    const tail = recovery.ignoredTail ? `; ignored a torn last record (${recovery.ignoredTail})` : '';
    process.stdout.write(
      `mongo-memory: data in ${recovery.dataDir} (fsync ${fsync ?? 'always'}): recovered ${recovery.snapshotDocuments} documents from the snapshot and ${recovery.journalRecords} journal records (${(recovery.journalBytes / 1048576).toFixed(1)} MB) in ${Math.round(recovery.ms)} ms${tail}\n`,
    );
  }
  process.stdout.write(`mongo-memory listening: ${uri}\n${recovery ? '' : '(in-memory test server: data is lost on exit)\n'}`);
  const shutdown = () => {
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`${message.startsWith('mongo-memory:') ? '' : 'mongo-memory: '}${message}\n`);
  process.exit(1);
});
