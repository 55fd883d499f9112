import { startTestRedis, waitFor, type TestRedis } from '@app/testing';
import { createShardedAdapter } from '@socket.io/redis-adapter';
import { randomBytes } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { AppConfig } from '../../config/app-config';
import { RedisConnections } from '../../infra/redis/redis-connections';
import { shardedRoomBroadcast, shardedRoomChannel } from './sharded-broadcast';

/**
 * The message the worker's emitter publishes must be what the sharded adapter delivers: checked
 * against the real adapter on the platform's own connections (Redis 7: one server, or the cluster
 * of TEST_REDIS_CLUSTER_NODES).
 */
describe('sharded room broadcast (real Redis, real sharded adapter)', () => {
  const channelPrefix = `test:${randomBytes(4).toString('hex')}:socket.io`;
  let redis: TestRedis;
  let connections: RedisConnections;
  let http: HttpServer;
  let server: Server;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    redis = await startTestRedis();
    connections = new RedisConnections(AppConfig.load(redis.settings));
    const pub = connections.create('pub', { failFast: true });
    const sub = connections.create('sub', { blocking: true, shardedSubscriber: true });
    http = createServer();
    server = new Server(http, { adapter: createShardedAdapter(pub, sub, { channelPrefix, subscriptionMode: 'dynamic' }) });
    server.of('/live').on('connection', (socket) => void socket.join(String(socket.handshake.query.room)));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await new Promise((resolve) => server.close(resolve));
    await connections.onApplicationShutdown();
    await redis.stop();
  });

  const join = async (room: string) => {
    const socket = io(`http://127.0.0.1:${(http.address() as AddressInfo).port}/live`, { query: { room }, transports: ['websocket'] });
    sockets.push(socket);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const received: unknown[] = [];
    socket.on('notification', (payload: unknown) => received.push(payload));
    return received;
  };

  it('reaches the sockets in the room, and only those', async () => {
    const [inRoom, elsewhere] = await Promise.all([join('city:1'), join('city:2')]);
    const payload = { id: 'n1', title: 'Invited to «Ríos vivos»' };
    const publish = () =>
      redis.client.spublish(shardedRoomChannel(channelPrefix, '/live', 'city:1'), shardedRoomBroadcast('/live', 'city:1', 'notification', payload));
    // The adapter subscribes to a room's channel when its first socket joins, without telling when: publish until it listens.
    await waitFor('the broadcast to arrive', async () => (await publish(), inRoom.length > 0));
    expect(inRoom[0]).toEqual(payload);
    await publish(); // the other room's socket has had as long to hear it
    await waitFor('the second broadcast', () => inRoom.length > 1);
    expect(elsewhere).toEqual([]);
  });
});
