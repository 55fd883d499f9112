import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export interface DurableProcess {
  uri: string;
  child: ChildProcess;
  /** Everything the child printed so far. */
  output(): string;
  /** SIGKILL: no chance to flush anything. */
  kill(): Promise<void>;
  /** SIGTERM: a clean stop. */
  stop(): Promise<void>;
}

/** The CLI (`npm run mongo-memory`) in a child process on a data directory, so that the test can SIGKILL it. */
export async function startDurableProcess(dataDir: string, args: string[] = []): Promise<DurableProcess> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'libs/mongo-memory/src/cli.ts', '--port', '0', '--replSet', 'rs0', '--data-dir', dataDir, ...args],
    { cwd: join(__dirname, '..', '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = once(child, 'exit');
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const uri = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /listening: (mongodb:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`mongo-memory exited with ${code}:\n${output}`)));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { uri, child, output: () => output, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}

/** Runs the CLI on a data directory expecting it to refuse to start; resolves with what it printed. */
export async function failedStart(dataDir: string): Promise<{ code: number | null; output: string }> {
  try {
    const started = await startDurableProcess(dataDir);
    await started.stop();
    throw new Error(`expected mongo-memory to refuse ${dataDir}, it started:\n${started.output()}`);
  } catch (err) {
    const match = /exited with (\S+):\n([\s\S]*)$/.exec((err as Error).message);
    if (!match) throw err;
    return { code: Number(match[1]), output: match[2] };
  }
}
