import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from '@app/testing';

export interface ReceivedDelivery {
  path: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as received. */
  raw: Buffer;
  json: { id: string; type: string; at: string; data: Record<string, unknown> };
}

/** How the receiver answers one request; `hang` never answers. */
export type Answer = { status: number; body?: string; headers?: Record<string, string> } | 'hang';

/**
 * A webhook receiver for the tests: a real HTTP server on a free port of 127.0.0.1 that records
 * every request and answers from a script per path (204 once it is used up).
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private readonly scripts = new Map<string, Answer[]>();
  private readonly hanging = new Set<ServerResponse>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        let json: ReceivedDelivery['json'];
        try {
          json = JSON.parse(raw.toString('utf8'));
        } catch {
          json = { id: '', type: '', at: '', data: {} };
        }
        receiver.received.push({ path: req.url ?? '', headers: req.headers, raw, json });
        const answer = receiver.scripts.get(req.url ?? '')?.shift() ?? { status: 204 };
        if (answer === 'hang') {
          receiver.hanging.add(res);
          return;
        }
        res.writeHead(answer.status, answer.headers).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** `http://127.0.0.1:<port><path>` */
  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The next requests at `path` get these answers, in order. */
  answer(path: string, ...answers: Answer[]): void {
    this.scripts.set(path, [...(this.scripts.get(path) ?? []), ...answers]);
  }

  /** The requests received at `path`. */
  at(path: string): ReceivedDelivery[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Waits until `count` requests at `path` match `filter`, and returns them. */
  waitFor(
    what: string,
    path: string,
    count: number,
    filter: (r: ReceivedDelivery) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<ReceivedDelivery[]> {
    return waitFor(
      what,
      () => {
        const found = this.at(path).filter(filter);
        return found.length >= count ? found : undefined;
      },
      timeoutMs,
    );
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
