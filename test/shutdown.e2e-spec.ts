import { TestServices } from '@app/testing';
import { Subscriptions } from '@app/events';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { QueueLifecycle } from '../src/infra/queues/queue-lifecycle';
import { RedisConnections } from '../src/infra/redis/redis-connections';
import { connectLive } from './support/live-client';
import { login, startApp } from './support/test-app';

/**
 * ARCHITECTURE rule 6: stop accepting and drain HTTP first, then workers before queues, the event
 * consumers, and Redis and MongoDB last. A write still running when the queues close would otherwise
 * lose its notifications (its event stays claimed once the redelivery listener is gone).
 */
describe('Graceful shutdown', () => {
  let services: TestServices;

  beforeAll(async () => {
    services = await TestServices.start();
  });

  afterAll(async () => {
    await services?.stop();
  });

  it('drains HTTP (and live sockets) before closing queues, events, Redis and MongoDB', async () => {
    const running = await startApp(services);
    const token = await login(running.api, 'admin@test.local', 'admin-password-1');
    const socket = await connectLive(running.origin, token);
    const order: string[] = [];
    const track = (target: object, method: string, label: string) => {
      const host = target as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const original = host[method];
      host[method] = async function (this: unknown, ...args: unknown[]) {
        order.push(`${label}:start`);
        const result = await original.apply(this, args);
        order.push(`${label}:end`);
        return result;
      };
    };
    track(running.app.getHttpAdapter(), 'close', 'http');
    track(running.app.get(QueueLifecycle), 'onModuleDestroy', 'queues');
    track(running.app.get(Subscriptions), 'onModuleDestroy', 'events');
    track(running.app.get(RedisConnections), 'onApplicationShutdown', 'redis');
    track(running.app.get<Connection>(getConnectionToken()), 'close', 'mongo');

    try {
      await running.close();
    } finally {
      socket.close();
    }

    const first = (label: string) => order.indexOf(label);
    expect(first('http:end')).toBeGreaterThanOrEqual(0);
    for (const later of ['queues:start', 'events:start', 'redis:start', 'mongo:start']) {
      expect({ later, order: first(later) > first('http:end') }).toEqual({ later, order: true });
    }
    expect(first('queues:end')).toBeLessThan(first('redis:start'));
    expect(socket.connected).toBe(false);
  });
});
