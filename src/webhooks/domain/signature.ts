import { createHmac } from 'node:crypto';

/**
 * `X-CCX-Signature` of a delivery: `sha256=` + hex HMAC-SHA256 keyed with the webhook's secret
 * (the whole string, as shown once at creation) over `<timestamp>.<raw body>`. Signing the
 * timestamp too lets receivers refuse replays of an old delivery (docs/webhooks.md).
 */
export function signatureOf(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
