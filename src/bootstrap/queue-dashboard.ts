import { getQueueToken } from '@nestjs/bullmq';
import { QueryBus } from '@nestjs/cqrs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import { VerifyAccessTokenQuery } from '../auth/contracts';
import { installQueueDashboard, type BoardViewer } from '../infra/queues/dashboard/queue-dashboard';
import { QueueRegistry } from '../infra/queues/queue-registry';
import { auditEntryOfExchange } from '../ops/audit/audit-entry.of-request';
import { AuditRecorder } from '../ops/audit/audit-recorder';
import type { AuthUser } from '../shared/auth-user';

/**
 * The Bull Board of the HTTP process, for admins only. Wired here, where the app is assembled,
 * because it joins infrastructure (the queues) with auth (who is an admin, by auth's token query)
 * and the audit log (an admin's retry, clean or pause on the board is an admin action like any
 * API write, issue #13), and infrastructure may import neither.
 */
export function setupQueueDashboard(app: NestFastifyApplication): void {
  const queries = app.get(QueryBus);
  const audit = app.get(AuditRecorder, { strict: false });
  const queues = app
    .get(QueueRegistry)
    .all()
    .map(({ name }) => app.get<Queue>(getQueueToken(name), { strict: false }));
  installQueueDashboard<AuthUser>(app.getHttpAdapter().getInstance(), queues, {
    viewerOf: async (token): Promise<BoardViewer<AuthUser>> => {
      const user = await queries.execute(new VerifyAccessTokenQuery(token));
      if (!user) return { access: 'unknown' };
      return user.role === 'admin' ? { access: 'admin', admin: user } : { access: 'not-admin' };
    },
    onAdminWrite: ({ admin, ...exchange }) => audit.record(auditEntryOfExchange({ actor: admin, ...exchange })),
  });
}
