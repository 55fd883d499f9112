import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from './free-port';

export class RedisServerMissingError extends Error {
  constructor() {
    super(
      'redis-server was not found on PATH. Install it (Debian/Ubuntu: `sudo apt-get install redis-server`, ' +
        'macOS: `brew install redis`) or set REDIS_URL to a running Redis.',
    );
  }
}

/**
 * A `redis-server` child on a free port: throw-away (no persistence) for the test harness, or
 * keeping an append-only file in `dataDir` (fsync every second) for the embedded default of
 * `npm start`, so waiting jobs survive a restart. It can be stopped and started again on the same
 * port, which the Redis-outage tests rely on.
 */
export class RedisServerProcess {
  private child?: ChildProcess;
  port = 0;

  constructor(private readonly options: { dataDir?: string } = {}) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static isInstalled(): boolean {
    return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  }

  async start(port?: number): Promise<string> {
    if (!RedisServerProcess.isInstalled()) throw new RedisServerMissingError();
    this.port = port ?? (this.port || (await freePort()));
    const persistence = this.options.dataDir
      ? ['--dir', this.options.dataDir, '--appendonly', 'yes', '--appendfsync', 'everysec']
      : ['--appendonly', 'no'];
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--daemonize', 'no', '--loglevel', 'warning'],
      { stdio: 'ignore' },
    );
    this.child = child;
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    await waitForPort(this.port, 5000);
    return this.url;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      // With a data directory, SIGTERM: redis-server flushes its append-only file and exits.
      child.kill(this.options.dataDir ? 'SIGTERM' : 'SIGKILL');
    });
  }
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not listen on ${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
