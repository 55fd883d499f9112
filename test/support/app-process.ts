import { ApiClient } from '@app/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { LoopReport } from './loop-probe';

/** The API as a separate process (`src/main.ts`, as `npm start` runs it), so a test can SIGKILL it. */
export interface AppProcess {
  pid: number;
  api: ApiClient;
  /** Resolves once the process has exited. */
  exited: Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** The event-loop stalls of the process since it started or since loopReset() (started with `probe: true`). */
  loopReport(): Promise<LoopReport>;
  loopReset(): void;
}

const ROOT = join(__dirname, '..', '..');

export interface AppProcessOptions {
  /** Arguments after `src/main.ts` (e.g. `--in-memory`). */
  args?: string[];
  /** Only PATH and HOME of this process's environment (no MONGODB_URI / REDIS_URL): the embedded default. */
  bare?: boolean;
  /** Watch the process's own event loop (test/support/loop-probe.ts), for loopReport(). */
  probe?: boolean;
}

export async function startAppProcess(env: Record<string, string>, timeoutMs = 60_000, options: AppProcessOptions = {}): Promise<AppProcess> {
  const inherited = options.bare ? { PATH: process.env.PATH, HOME: process.env.HOME } : process.env;
  const probe = options.probe ? ['-r', './test/support/loop-probe.ts'] : [];
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', ...probe, 'src/main.ts', ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...inherited, ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe', ...(options.probe ? (['ipc'] as const) : [])],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  let started = false;
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app process did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = started ? null : /running at (http:\/\/[^\s/]+)\//.exec(output);
      if (match) {
        started = true;
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app process exited with ${code} before it started:\n${output}`));
    });
  });
  // onData keeps reading (a full pipe would block the child) and keeps what was written, for output().
  return {
    pid: child.pid!,
    api: new ApiClient(`${origin}/api/v1`),
    exited,
    output: () => output,
    loopReport: () =>
      new Promise<LoopReport>((resolve, reject) => {
        if (!child.send) return reject(new Error('the app process was started without probe: true'));
        child.once('message', (report) => resolve(report as LoopReport));
        child.send('loop-report');
      }),
    loopReset: () => child.send?.('loop-reset'),
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
