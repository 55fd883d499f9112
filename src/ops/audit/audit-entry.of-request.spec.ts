import { Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../../shared/auth-user';
import { auditEntryOfExchange } from './audit-entry.of-request';
import type { AuditLogStore } from './audit-log.store';
import { AuditRecorder } from './audit-recorder';

const admin: AuthUser = { id: 'u1', email: 'Admin@Test.local', name: 'Admin', role: 'admin', cityId: null };

const request = (params: Record<string, string>) =>
  ({
    method: 'PUT',
    url: '/admin/queues/api/queues/mail/42/retry?token=abc',
    id: 'req-1',
    params,
    routeOptions: { url: '/admin/queues/api/queues/:queueName/:jobId/retry' },
  }) as unknown as FastifyRequest;
const reply = (statusCode: number, writableFinished: boolean) => ({ statusCode, raw: { writableFinished } }) as unknown as FastifyReply;

describe('auditEntryOfExchange', () => {
  it('keeps the route pattern and its parameters, never the query string, and hides secret-named parameters', () => {
    const startedAt = new Date(Date.now() - 5);
    const entry = auditEntryOfExchange({
      actor: admin,
      action: 'QueueDashboard_retryJob',
      request: request({ queueName: 'mail', jobId: '42', resetToken: 'abc' }),
      reply: reply(204, true),
      startedAt,
    });
    expect(entry).toEqual({
      at: startedAt,
      actor: { userId: 'u1', email: 'admin@test.local', role: 'admin', cityId: null },
      action: 'QueueDashboard_retryJob',
      method: 'PUT',
      route: '/admin/queues/api/queues/:queueName/:jobId/retry',
      targets: { queueName: 'mail', jobId: '42', resetToken: '[redacted]' },
      status: 204,
      requestId: 'req-1',
      durationMs: expect.any(Number),
    });
    expect(entry.durationMs).toBeGreaterThanOrEqual(5);
  });

  it('says 499 when the client left before the answer was sent', () => {
    const entry = auditEntryOfExchange({ actor: admin, action: 'a', request: request({}), reply: reply(200, false), startedAt: new Date() });
    expect(entry.status).toBe(499);
  });
});

describe('AuditRecorder', () => {
  it('logs a failed append as an error instead of throwing it', async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const store = { append: jest.fn().mockRejectedValue(new Error('mongo down')) } as unknown as AuditLogStore;
    const entry = auditEntryOfExchange({ actor: admin, action: 'a', request: request({}), reply: reply(200, true), startedAt: new Date() });
    expect(() => new AuditRecorder(store).record(entry)).not.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(error).toHaveBeenCalledWith(expect.stringContaining('mongo down'));
    error.mockRestore();
  });
});
