import type { ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../../shared/auth-user';
import type { AuditEntry } from './audit-entry.schema';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A route parameter whose name says it carries a secret is kept as a placeholder. */
const SECRET_NAME = /password|token|secret/i;
const MAX_TARGET_LENGTH = 200;

export type AuditedRequest = FastifyRequest & { user?: AuthUser };

/** Only an admin's writes are audited (reads and other users' writes are in the access logs). */
export function isAudited(request: AuditedRequest): boolean {
  return request.user?.role === 'admin' && MUTATING.has(request.method);
}

/** One finished HTTP exchange of an admin, whichever router served it (Nest or the Bull Board). */
export interface AuditedExchange {
  actor: AuthUser;
  /** The operation's name: an OpenAPI operation id, or `QueueDashboard_…` for the board. */
  action: string;
  request: FastifyRequest;
  reply: FastifyReply;
  startedAt: Date;
}

/**
 * The entry of a finished exchange, from the request line, route parameters and reply only: the
 * body and query string are never read, so no password or token in them can reach the log.
 */
export function auditEntryOfExchange({ actor, action, request, reply, startedAt }: AuditedExchange): AuditEntry {
  const params = (request.params ?? {}) as Record<string, unknown>;
  const targets = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, SECRET_NAME.test(name) ? '[redacted]' : String(value).slice(0, MAX_TARGET_LENGTH)]),
  );
  return {
    at: startedAt,
    actor: { userId: actor.id, email: actor.email.toLowerCase(), role: actor.role, cityId: actor.cityId },
    action,
    method: request.method,
    route: request.routeOptions?.url ?? request.url.split('?')[0],
    targets,
    status: reply.raw.writableFinished ? reply.statusCode : 499,
    requestId: String(request.id),
    durationMs: Date.now() - startedAt.getTime(),
  };
}

/** The entry of a Nest route's request, which the AuthGuard marked as an admin's. */
export function auditEntryOf(context: ExecutionContext, request: AuditedRequest, reply: FastifyReply, startedAt: Date): AuditEntry {
  return auditEntryOfExchange({
    actor: request.user!,
    // Swagger's default operation id, so an entry names the operation of the OpenAPI document.
    action: `${context.getClass().name}_${context.getHandler().name}`,
    request,
    reply,
    startedAt,
  });
}
