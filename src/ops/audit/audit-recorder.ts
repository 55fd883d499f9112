import { Injectable, Logger } from '@nestjs/common';
import type { AuditEntry } from './audit-entry.schema';
import { AuditLogStore } from './audit-log.store';

/**
 * Appends entries in the background, for the interceptor of Nest's routes and for the Bull Board
 * (wired in src/bootstrap). It is called once the answer is sent, so the request's latency and
 * outcome never depend on the log: a failed append is logged as an error, never turned into a
 * failed request.
 */
@Injectable()
export class AuditRecorder {
  private readonly logger = new Logger('AuditLog');

  constructor(private readonly store: AuditLogStore) {}

  record(entry: AuditEntry): void {
    this.store.append(entry).catch((error: unknown) => {
      this.logger.error(`could not append ${entry.method} ${entry.route} (request ${entry.requestId}) by ${entry.actor.email}: ${String(error)}`);
    });
  }
}
