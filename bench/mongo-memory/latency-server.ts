/**
 * A server of the latency bench in a process of its own (latency.ts, `own-process`): mongo-memory
 * (empty; the bench inserts the documents) or the raw wire server (loaded with the same documents).
 * Sends its connection string, then answers each 'cpu' message with its CPU µs so far.
 */
import { MongoMemoryServer } from '../../libs/mongo-memory/src';
import { latencyDocuments } from './latency-documents';
import { RawWireServer } from './raw-wire-server';

async function main(): Promise<void> {
  let uri: string;
  if (process.argv[2] === 'raw') {
    const raw = new RawWireServer();
    raw.load(latencyDocuments());
    uri = await raw.start('rs0');
  } else {
    uri = await new MongoMemoryServer({ replicaSet: 'rs0' }).start({ port: 0 });
  }
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send!({ cpuUs: user + system });
  });
  process.on('disconnect', () => process.exit(0));
  process.send!({ uri });
}

void main();
