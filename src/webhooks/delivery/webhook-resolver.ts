import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/**
 * Host name → addresses for webhook targets, as the operating system resolves them (hosts file,
 * then DNS). A provider of its own so the checks at subscription time and at connection time use
 * the same answers, and a test can swap it to play DNS rebinding (a public answer, then a private one).
 */
@Injectable()
export class WebhookResolver {
  resolve(hostname: string): Promise<ResolvedAddress[]> {
    return lookup(hostname, { all: true, verbatim: true });
  }
}
