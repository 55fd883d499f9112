/** The part of autocannon 9's API that bench/http uses (the package ships no types; @types/autocannon is not installed). */
declare module 'autocannon' {
  interface Client {
    setRequests(requests: { method?: string; path?: string; headers?: Record<string, string>; body?: string }[]): void;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    setupClient?: (client: Client) => void;
  }
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    non2xx: number;
    errors: number;
    timeouts: number;
    statusCodeStats: Record<string, { count: number }>;
  }
  function autocannon(options: Options): Promise<Result>;
  export = autocannon;
}
