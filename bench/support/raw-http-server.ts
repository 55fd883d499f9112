/**
 * bench/http's raw baseline (bench/http/raw-server.ts: plain Fastify answering each route with the
 * bytes the app answered) started in a process of its own, for the benches that compare against it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { RawRoute } from '../http/raw-server';

export interface RawHttpServer {
  origin: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export async function startRawHttpServer(routes: RawRoute[]): Promise<RawHttpServer> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, '..', 'http', 'raw-server.ts')], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, RAW_ROUTES: JSON.stringify(routes) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the raw server exited with ${code}:\n${out}`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
