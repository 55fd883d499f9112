import { Injectable } from '@nestjs/common';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AppConfig } from '../../config/app-config';
import { parseTarget, WebhookTargetGuard } from './webhook-target-guard';

/** Bytes of a receiver's answer kept in the delivery log; the rest is not even read. */
export const RESPONSE_BODY_CAP = 2048;

export interface PostResult {
  /** null when no answer came (refused target, connection error, timeout). */
  status: number | null;
  body: string | null;
  truncated: boolean;
  durationMs: number;
  /** Why the attempt failed when it did not get an answer, or got a redirect. */
  error: string | null;
}

/**
 * One POST to a webhook receiver with Node's own HTTP client: a fresh connection each time
 * (agent: false) whose host name is resolved by the target guard's lookup, so the address checked
 * is the address connected to. Redirects are not followed (a 3xx is a failed attempt, with its
 * Location in the log). The whole exchange — connect, send, answer — is bounded by WEBHOOK_TIMEOUT_MS,
 * and at most RESPONSE_BODY_CAP bytes of the answer are read.
 */
@Injectable()
export class WebhookHttpClient {
  private readonly timeoutMs: number;

  constructor(
    private readonly guard: WebhookTargetGuard,
    config: AppConfig,
  ) {
    this.timeoutMs = config.env.WEBHOOK_TIMEOUT_MS;
  }

  async post(target: string, headers: Record<string, string>, body: string): Promise<PostResult> {
    const started = performance.now();
    const failed = (error: string): PostResult => ({ status: null, body: null, truncated: false, durationMs: elapsed(started), error });
    let url: URL;
    try {
      url = parseTarget(target);
    } catch (error) {
      return failed((error as Error).message);
    }
    if (!this.guard.literalAllowed(url.hostname)) return failed(`refused: ${url.hostname} is a private, loopback or reserved address`);
    try {
      const { status, location, excerpt, truncated } = await this.send(url, headers, body);
      const redirect = status >= 300 && status < 400 ? `redirect${location ? ` to ${location.slice(0, 200)}` : ''} not followed` : null;
      return { status, body: excerpt, truncated, durationMs: elapsed(started), error: redirect };
    } catch (error) {
      return failed(describe(error as NodeJS.ErrnoException));
    }
  }

  private send(
    url: URL,
    headers: Record<string, string>,
    body: string,
  ): Promise<{ status: number; location?: string; excerpt: string; truncated: boolean }> {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(url, {
        method: 'POST',
        agent: false,
        lookup: this.guard.lookup(),
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      });
      const timer = setTimeout(() => req.destroy(new TimeoutError(this.timeoutMs)), this.timeoutMs);
      const done = () => clearTimeout(timer);
      req.on('error', (error) => {
        done();
        reject(error);
      });
      req.on('response', (res: IncomingMessage) => {
        readCapped(res).then(
          ({ excerpt, truncated }) => {
            done();
            req.destroy();
            resolve({ status: res.statusCode ?? 0, location: res.headers.location, excerpt, truncated });
          },
          (error: Error) => {
            done();
            reject(error);
          },
        );
      });
      req.end(body);
    });
  }
}

class TimeoutError extends Error {
  constructor(ms: number) {
    super(`timed out after ${ms} ms`);
  }
}

/** The first RESPONSE_BODY_CAP bytes of the answer; stops reading there. */
function readCapped(res: IncomingMessage): Promise<{ excerpt: string; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (truncated: boolean) => {
      if (settled) return;
      settled = true;
      resolve({ excerpt: Buffer.concat(chunks).subarray(0, RESPONSE_BODY_CAP).toString('utf8'), truncated });
    };
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > RESPONSE_BODY_CAP) {
        finish(true);
        res.destroy();
      }
    });
    res.on('end', () => finish(false));
    res.on('error', (error) => (settled ? undefined : reject(error)));
    res.on('close', () => finish(size > RESPONSE_BODY_CAP));
  });
}

function describe(error: NodeJS.ErrnoException): string {
  if (error instanceof TimeoutError) return error.message;
  // The guard's refusals are 400-style messages ("url: … resolves to …"): say it was refused.
  if (error.name === 'WebhookTargetRefused') return `refused: ${error.message.replace(/^url: /, '')}`;
  return error.code ? `${error.code}: ${error.message}` : error.message;
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
