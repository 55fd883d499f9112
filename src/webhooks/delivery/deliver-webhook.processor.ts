import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobProcessor, type JobHandlers } from '../../infra/queues/job-processor';
import { signatureOf } from '../domain/signature';
import { DeliveryRepository } from '../persistence/delivery.repository';
import { WebhookRepository } from '../persistence/webhook.repository';
import { SecretDecryptionError } from '../secrets/secret-cipher';
import { DELIVERY_ATTEMPTS, nextPauseMs, WebhookJobs, webhooksQueue, type DeliverWebhookJob, type WebhookJobPayloads } from '../queue/webhook-jobs';
import { WebhookHttpClient, type PostResult } from './webhook-http-client';

export type WebhookDeliveryOutcome = 'delivered' | 'already-delivered' | 'cancelled';

/** Throwing this makes BullMQ retry the job after its backoff. */
export class DeliveryAttemptFailed extends Error {}

/**
 * `webhook.deliver`: signs the delivery's body with the webhook's secret and POSTs it; records the
 * attempt in the delivery log either way. A non-2xx answer, a refused target, a timeout or a
 * connection error fails the job, which BullMQ retries with backoff (webhook-jobs.ts) until the
 * last attempt, recorded `failed`. A delivery already `succeeded` is not sent again (a job run
 * twice, or a replayed event after BullMQ forgot its job id).
 */
@Injectable()
export class DeliverWebhookProcessor extends JobProcessor<WebhookJobPayloads> {
  readonly queue = webhooksQueue;
  readonly handlers: JobHandlers<WebhookJobPayloads> = {
    [WebhookJobs.deliver]: (job) => this.deliver(job),
  };

  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly http: WebhookHttpClient,
  ) {
    super();
  }

  async deliver(job: Pick<Job<DeliverWebhookJob>, 'data' | 'attemptsMade' | 'opts'>): Promise<WebhookDeliveryOutcome> {
    const delivery = await this.deliveries.get(job.data.deliveryId);
    if (!delivery || delivery.status === 'cancelled') return 'cancelled';
    if (delivery.status === 'succeeded') return 'already-delivered';
    const [webhook, secret] = await Promise.all([this.webhooks.get(delivery.webhookId), this.secretOf(delivery.webhookId)]);
    if (!webhook || secret === null) {
      await this.deliveries.cancel(delivery._id, 'the webhook was deleted');
      return 'cancelled';
    }
    const timestamp = String(Math.floor(Date.now() / 1000));
    const result =
      secret instanceof SecretDecryptionError
        ? unsent(secret)
        : await this.http.post(
            webhook.url,
            {
              'content-type': 'application/json',
              'user-agent': 'CCX-Webhooks/1',
              'x-ccx-event': delivery.type,
              'x-ccx-delivery': delivery._id,
              'x-ccx-timestamp': timestamp,
              'x-ccx-signature': signatureOf(secret, timestamp, delivery.body),
            },
            delivery.body,
          );
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    const attempt = job.attemptsMade + 1;
    const last = attempt >= (job.opts.attempts ?? DELIVERY_ATTEMPTS);
    const at = new Date();
    await this.deliveries.recordAttempt(delivery._id, {
      status: ok ? 'succeeded' : last ? 'failed' : 'retrying',
      responseStatus: result.status,
      responseBody: result.body,
      responseTruncated: result.truncated,
      durationMs: result.durationMs,
      error: ok ? null : (result.error ?? `answered ${result.status}`),
      at,
      nextAttemptAt: ok || last ? null : new Date(at.getTime() + nextPauseMs(attempt)),
    });
    if (!ok) throw new DeliveryAttemptFailed(`webhook ${webhook._id} delivery ${delivery._id}: ${result.error ?? `answered ${result.status}`}`);
    return 'delivered';
  }

  /**
   * A secret no configured key opens is a failed attempt, recorded with why and retried: the
   * operator may restore the key (WEBHOOK_SECRETS_PREVIOUS_KEYS) before the retries run out.
   */
  private secretOf(webhookId: string): Promise<string | null | SecretDecryptionError> {
    return this.webhooks.secretOf(webhookId).catch((error: unknown) => {
      if (error instanceof SecretDecryptionError) return error;
      throw error;
    });
  }
}

function unsent(error: SecretDecryptionError): PostResult {
  return { status: null, body: null, truncated: false, durationMs: 0, error: `not sent: ${error.message}` };
}
