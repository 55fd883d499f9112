import { Injectable } from '@nestjs/common';
import type { LookupFunction } from 'node:net';
import { AppConfig } from '../../config/app-config';
import { ipLiteralOf, isPublicAddress } from '../domain/webhook-address';
import { WebhookTargetRefused } from '../domain/webhook-errors';
import { WebhookResolver, type ResolvedAddress } from './webhook-resolver';

/** Bounds a slow resolver, so a subscription request is answered (the lookup itself cannot be cancelled). */
const RESOLVE_TIMEOUT_MS = 5_000;

/**
 * SSRF defence: a webhook is never delivered to a private, loopback, link-local or otherwise
 * non-public address unless the operator allows it (WEBHOOK_ALLOW_PRIVATE=true). Checked twice:
 * when subscribing (`check`: the URL's host resolved now) and when connecting (`lookup`: the
 * socket connects to the addresses this check just accepted, so a host name that resolves
 * elsewhere since — DNS rebinding — is refused). Redirects are never followed (WebhookHttpClient).
 */
@Injectable()
export class WebhookTargetGuard {
  readonly allowPrivate: boolean;

  constructor(
    private readonly resolver: WebhookResolver,
    config: AppConfig,
  ) {
    this.allowPrivate = config.env.WEBHOOK_ALLOW_PRIVATE;
  }

  /** Throws WebhookTargetRefused (a 400 on `url`) for a URL that may not receive webhooks. */
  async check(raw: string): Promise<URL> {
    const url = parseTarget(raw);
    const literal = ipLiteralOf(url.hostname);
    if (literal) {
      if (!this.allowPrivate && !isPublicAddress(literal))
        throw new WebhookTargetRefused(`url: ${literal} is a private, loopback or reserved address`);
      return url;
    }
    // A name that does not resolve is refused whatever the setting: it could receive nothing.
    await this.resolveChecked(url.hostname);
    return url;
  }

  /**
   * The `lookup` a delivery's socket connects with: the resolver's answers, refused as a whole when
   * one of them is not public. `undefined` when private targets are allowed (the system's lookup).
   */
  lookup(): LookupFunction | undefined {
    if (this.allowPrivate) return undefined;
    return (hostname, options, callback) => {
      this.resolveChecked(hostname).then(
        (all) => {
          const wanted = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
          if (wanted.length === 0) return callback(notFound(hostname), '', 0);
          if (options.all) return (callback as unknown as (e: null, all: ResolvedAddress[]) => void)(null, wanted);
          callback(null, wanted[0].address, wanted[0].family);
        },
        (error: Error) => callback(error as NodeJS.ErrnoException, '', 0),
      );
    };
  }

  /** Whether an IP literal target may be connected to (the socket does not resolve literals, so `lookup` never sees them). */
  literalAllowed(hostname: string): boolean {
    const literal = ipLiteralOf(hostname);
    return this.allowPrivate || literal === null || isPublicAddress(literal);
  }

  /** The host's addresses; refused when it does not resolve or, unless allowed, when one is not public. */
  private async resolveChecked(hostname: string): Promise<ResolvedAddress[]> {
    let addresses: ResolvedAddress[];
    try {
      addresses = await withTimeout(this.resolver.resolve(hostname), RESOLVE_TIMEOUT_MS);
    } catch {
      throw new WebhookTargetRefused(`url: the host name ${hostname} does not resolve`);
    }
    if (addresses.length === 0) throw new WebhookTargetRefused(`url: the host name ${hostname} does not resolve`);
    const refused = this.allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
    if (refused) throw new WebhookTargetRefused(`url: ${hostname} resolves to ${refused.address}, a private, loopback or reserved address`);
    return addresses;
  }
}

/** An absolute http(s) URL without credentials (they would be sent to whoever answers, and logged). */
export function parseTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetRefused('url must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookTargetRefused('url must be an absolute http(s) URL');
  if (url.username || url.password) throw new WebhookTargetRefused('url must not carry a user name or password');
  if (!url.hostname) throw new WebhookTargetRefused('url must name a host');
  return url;
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
