import { getQueueToken } from '@nestjs/bullmq';
import { QueryBus } from '@nestjs/cqrs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import { VerifyAccessTokenQuery } from '../auth/contracts';
import { installQueueDashboard, type BoardViewer } from '../infra/queues/dashboard/queue-dashboard';
import { QueueRegistry } from '../infra/queues/queue-registry';

/**
 * The Bull Board of the HTTP process, for admins only. Wired here, where the app is assembled,
 * because it joins infrastructure (the queues) and auth (who is an admin, by auth's token query),
 * and neither may import the other.
 */
export function setupQueueDashboard(app: NestFastifyApplication): void {
  const queries = app.get(QueryBus);
  const queues = app
    .get(QueueRegistry)
    .all()
    .map(({ name }) => app.get<Queue>(getQueueToken(name), { strict: false }));
  installQueueDashboard(app.getHttpAdapter().getInstance(), queues, async (token): Promise<BoardViewer> => {
    const user = await queries.execute(new VerifyAccessTokenQuery(token));
    if (!user) return 'unknown';
    return user.role === 'admin' ? 'admin' : 'not-admin';
  });
}
