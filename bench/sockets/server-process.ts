/**
 * The client side of bench/sockets: a server of bench/sockets/server.ts in a process of its own,
 * talked to over IPC, and the sockets opened on its /live namespace.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { sleep } from '../support/stats';

export type ServerMode = 'raw' | 'ours';

export interface ServerProcess {
  origin: string;
  token: string;
  ask<T>(message: unknown): Promise<T>;
  stop(): Promise<void>;
}

function reply<T>(child: ChildProcess, message?: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    if (message !== undefined) child.send(message as string);
  });
}

export async function startServer(mode: ServerMode): Promise<ServerProcess> {
  const child = fork(join(__dirname, 'server.ts'), [mode], {
    execArgv: ['-r', '@swc-node/register', '--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const stop = async () => {
    const exited = new Promise((r) => child.once('exit', r));
    if (child.connected) child.send('stop');
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  try {
    const { origin, token } = await reply<{ origin: string; token: string }>(child);
    return { origin, token, ask: (message) => reply(child, message), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `count` authenticated sockets on /live, in batches of 50, as many browsers would arrive. */
export async function openSockets(origin: string, token: string, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, () => {
      const socket = io(`${origin}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      return new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
    });
    await Promise.all(batch);
  }
  return sockets;
}
