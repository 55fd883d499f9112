import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Observable } from 'rxjs';
import { auditEntryOf, isAudited, type AuditedRequest } from './audit-entry.of-request';
import { AuditRecorder } from './audit-recorder';

/**
 * Global: every POST/PUT/PATCH/DELETE of an admin is appended to the audit log once its answer is
 * sent, whatever the outcome (the status is the one on the wire, set by the route or by the
 * problem+json filter). Runs after the AuthGuard, which put the user on the request. The Bull
 * Board's writes, which never pass through Nest, are recorded by src/bootstrap/queue-dashboard.ts.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly recorder: AuditRecorder) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    if (!isAudited(request)) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const startedAt = new Date();
    // `close` follows `finish`, and also comes alone when the client leaves first.
    reply.raw.once('close', () => this.recorder.record(auditEntryOf(context, request, reply, startedAt)));
    return next.handle();
  }
}
