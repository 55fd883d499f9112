/**
 * The mail module's public surface: the only file other modules may import from `src/mail`.
 */
import { Command } from '@nestjs/cqrs';

/** One e-mail, already rendered, for one address. */
export interface OutgoingMail {
  /**
   * Sent at most once per key (a sent-mail record keyed by it), across retries and restarts:
   * e.g. `invitation:<tokenId>`, `reset:<tokenId>`.
   */
  key: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

/**
 * Queues a mail (answers once it is durably queued; the send itself is a BullMQ job retried with
 * backoff while the SMTP server refuses). Throws when the queue is unreachable (Redis down).
 */
export class SendMailCommand extends Command<void> {
  constructor(readonly mail: OutgoingMail) {
    super();
  }
}
