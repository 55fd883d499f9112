import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Observable } from 'rxjs';
import { auditEntryOf, isAudited, type AuditedRequest } from './audit-entry.of-request';
import { AuditLogStore } from './audit-log.store';

/**
 * Global: every POST/PUT/PATCH/DELETE of an admin is appended to the audit log once its answer is
 * sent, whatever the outcome (the status is the one on the wire, set by the route or by the
 * problem+json filter). Runs after the AuthGuard, which put the user on the request. Appending
 * after the answer keeps the request's latency and outcome independent of the log: a failed
 * append is logged as an error, never turned into a failed request.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('AuditLog');

  constructor(private readonly store: AuditLogStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    if (!isAudited(request)) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const startedAt = new Date();
    // `close` follows `finish`, and also comes alone when the client leaves first.
    reply.raw.once('close', () => {
      const entry = auditEntryOf(context, request, reply, startedAt);
      this.store.append(entry).catch((error: unknown) => {
        this.logger.error(`could not append ${entry.method} ${entry.route} (request ${entry.requestId}) by ${entry.actor.email}: ${String(error)}`);
      });
    });
    return next.handle();
  }
}
