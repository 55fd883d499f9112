import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RecoveryStats } from '@app/mongo-memory';

export interface EmbeddedMongo {
  uri: string;
  /** What start-up loaded from the data directory (undefined in memory). */
  recovery?: RecoveryStats;
  stop(): Promise<void>;
}

/**
 * Forks the embedded MongoDB-protocol server (embedded-mongo.child.ts) and resolves with its URI,
 * keeping its data in `dataDir` (journal and snapshots) when given.
 * Run from the TypeScript sources (`npm start`) the child is loaded through @swc-node/register as
 * the parent was; from the build (dist/), as plain JavaScript.
 */
export function startEmbeddedMongo(dataDir?: string): Promise<EmbeddedMongo> {
  const fromSources = __filename.endsWith('.ts');
  const entry = join(__dirname, `embedded-mongo.child.${fromSources ? 'ts' : 'js'}`);
  if (!existsSync(entry)) return Promise.reject(new Error(`embedded MongoDB: ${entry} is missing`));
  // execArgv is given, not inherited (a parent's --inspect port would clash), except --cpu-prof*:
  // a profiled run (bench/http) profiles the database's process too.
  const profiling = process.execArgv.filter((arg) => arg.startsWith('--cpu-prof'));
  const execArgv = [...profiling, ...(fromSources ? ['-r', '@swc-node/register'] : [])];
  const child = fork(entry, dataDir ? ['--data-dir', dataDir] : [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise<EmbeddedMongo>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`embedded MongoDB exited with ${code} before listening`)));
    child.once('message', (message: { uri?: string; recovery?: RecoveryStats; error?: string }) => {
      if (!message.uri) return reject(new Error(`embedded MongoDB: ${message.error ?? 'no URI'}`));
      resolve({ uri: message.uri, recovery: message.recovery, stop: () => stopChild(child, exited) });
    });
  });
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  if (child.connected) child.send('stop');
  else child.kill('SIGTERM');
  await exited;
}
