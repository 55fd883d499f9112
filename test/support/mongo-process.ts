import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * The in-process MongoDB-protocol server in a child process of its own (`npm run mongo-memory`), so
 * a test that loads it heavily does not share the test's event loop with it; MONGODB_URI when set.
 */
export async function startMongoProcess(args: string[] = []): Promise<{ uri: string; stop(): Promise<void> }> {
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI, stop: async () => undefined };
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'libs/mongo-memory/src/cli.ts', '--port', '0', '--replSet', 'rs0', ...args], {
    cwd: join(__dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const uri = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening: (mongodb:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`mongo-memory exited with ${code}:\n${output}`)));
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    uri,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
