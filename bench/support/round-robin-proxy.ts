/**
 * A round-robin TCP proxy in a process of its own, as a layer-4 load balancer (HAProxy in TCP mode,
 * nginx `stream`) would sit in front of several API instances: each new client connection goes to
 * the next backend, and its bytes are piped both ways untouched (keep-alive HTTP and WebSockets
 * alike). Per connection, not per request: an HTTP proxy would parse every request, and cost more.
 * `startProxy()` forks it; `route(ports)` changes the backends of the connections opened next.
 */
import { fork } from 'node:child_process';
import { connect, createServer, type Socket } from 'node:net';

export interface Proxy {
  /** http://127.0.0.1:PORT */
  origin: string;
  pid: number;
  route(ports: number[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startProxy(): Promise<Proxy> {
  const child = fork(__filename, ['serve'], { execArgv: ['-r', '@swc-node/register'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise((r) => child.once('exit', r));
  const next = () => new Promise<{ port?: number; routed?: number }>((resolve) => child.once('message', (m) => resolve(m as never)));
  const { port } = await next();
  return {
    origin: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async route(ports) {
      const answer = next();
      child.send({ ports });
      await answer;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function serve(): void {
  let backends: number[] = [];
  let turn = 0;
  const server = createServer({ noDelay: true }, (client: Socket) => {
    if (backends.length === 0) return void client.destroy();
    const upstream = connect({ port: backends[turn++ % backends.length], host: '127.0.0.1', noDelay: true });
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.once('error', close).once('close', close);
    upstream.once('error', close).once('close', close);
  });
  process.on('message', (m: { ports: number[] }) => {
    backends = m.ports;
    turn = 0;
    process.send!({ routed: backends.length });
  });
  process.once('SIGTERM', () => process.exit(0));
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
}

if (require.main === module && process.argv[2] === 'serve') serve();
