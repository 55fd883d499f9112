/**
 * One autocannon measurement of one route: requests per second, p99 latency and failures (answers
 * with another status than the expected one, errors, timeouts). Each connection gets its own request
 * (e.g. a write connection posting to a project of its own: no version races between connections).
 * For `{ seconds }` the rate is autocannon's mean of its per-second counts; `{ amount }` sends that
 * many requests and waits for every answer, the rate being answers over the whole run: right for
 * slow routes (a write taking seconds under 50 connections), where a timed run would leave
 * connections' worth of requests unanswered and still loading the server after it ends.
 */
import autocannon from 'autocannon';

export interface LoadTarget {
  name: string;
  method: 'GET' | 'POST';
  request(connection: number): { path: string; headers?: Record<string, string>; body?: string };
  /** The status every answer should have. */
  status: number;
}

export interface Load {
  rps: number;
  p99: number;
  failed: number;
  /** Answers by status (the expected one included). */
  statuses: Record<string, number>;
}

export type Length = { seconds: number } | { amount: number };

export async function cannon(origin: string, target: LoadTarget, length: Length, connections: number): Promise<Load> {
  let next = 0;
  // `amount` and `timeout` are autocannon's, though bench/http/autocannon.d.ts (its types) leaves them
  // out. A counted run waits up to a minute per answer: at autocannon's 10 s a slow write is sent
  // again while the server still works on it, and the load snowballs.
  const span = 'amount' in length ? { amount: length.amount, timeout: 60 } : { duration: length.seconds };
  const started = performance.now();
  const result = await autocannon({
    url: origin,
    connections,
    ...span,
    method: target.method,
    setupClient: (client) => {
      const r = target.request(next++);
      // setRequests, not setRequest: the latter changes only the connection's first request.
      client.setRequests([{ method: target.method, path: r.path, headers: r.headers, body: r.body }]);
    },
  });
  const total = Object.values(result.statusCodeStats).reduce((n, s) => n + Number(s.count), 0);
  const expected = Number(result.statusCodeStats[String(target.status)]?.count ?? 0);
  const rps = 'amount' in length ? total / ((performance.now() - started) / 1000) : result.requests.average;
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, Number(s.count)]));
  return { rps, p99: result.latency.p99, failed: total - expected + result.errors + result.timeouts, statuses };
}
