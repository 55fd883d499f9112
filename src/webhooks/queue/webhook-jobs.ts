import { defineQueue, jobIdOf } from '../../infra/queues/queue-definition';

export const WEBHOOKS_QUEUE = 'webhooks';

/** Job names of the webhooks queue (docs/events.md lists them with their payloads). */
export const WebhookJobs = {
  /** POST one delivery to its webhook; retried with backoff until a 2xx. */
  deliver: 'webhook.deliver',
} as const;

export interface DeliverWebhookJob {
  /** The delivery log entry to send (it holds the webhook id and the body). */
  deliveryId: string;
}

export type WebhookJobPayloads = {
  [WebhookJobs.deliver]: DeliverWebhookJob;
};

/**
 * Retries for about 24 hours: 13 attempts with exponential backoff from 21 s (21 s, 42 s, 84 s, …,
 * 11.9 h; 23.9 h from the first attempt to the last), each pause shortened by up to 10 %
 * (jitter) so that receivers back from an outage are not hit by every retry at once.
 */
export const DELIVERY_ATTEMPTS = 13;
export const DELIVERY_BACKOFF = { type: 'exponential', delay: 21_000, jitter: 0.1 } as const;

/** The longest pause before attempt `attemptsMade + 1` (jitter only shortens it). */
export function nextPauseMs(attemptsMade: number): number {
  return Math.round(2 ** (attemptsMade - 1) * DELIVERY_BACKOFF.delay);
}

export const webhooksQueue = defineQueue<WebhookJobPayloads>(WEBHOOKS_QUEUE, [WebhookJobs.deliver], {
  attempts: DELIVERY_ATTEMPTS,
  backoff: DELIVERY_BACKOFF,
});

/** One job per event and webhook: a replayed event finds its job (kept 24 h) and adds nothing. */
export const deliverJobId = (eventId: string, webhookId: string) => jobIdOf(eventId, webhookId);
/** A manual redelivery is a delivery of its own. */
export const redeliverJobId = (deliveryId: string) => jobIdOf('redelivery', deliveryId);
