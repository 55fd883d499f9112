import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter, createShardedAdapter } from '@socket.io/redis-adapter';
import { AppConfig } from '../../config/app-config';
import { RedisConnections } from '../../infra/redis/redis-connections';
import { UNAUTHORIZED } from '../auth/socket-auth.middleware';
import { liveChannelKey } from '../live-channel';
import { neverRejectingPublish } from './never-rejecting-publish';

/**
 * Socket.IO with the Redis adapter, so an emit on one API instance — or by the worker's emitter —
 * reaches the sockets of every instance. LIVE_ADAPTER picks classic pub/sub (see docs/decisions.md)
 * or sharded pub/sub (Redis 7+: each room's channel lives on one shard of a cluster, and only the
 * instances with a socket in the room subscribe to it; docs/redis-cluster.md). Install it with
 * `app.useWebSocketAdapter(new LiveSocketAdapter(app))` before the app initialises.
 */
type IoServerOptions = NonNullable<Parameters<IoAdapter['createIOServer']>[1]>;

export class LiveSocketAdapter extends IoAdapter {
  private readonly log = new Logger('LiveSocketAdapter');
  private publishFailing = false;
  private readonly servers: ReturnType<IoAdapter['createIOServer']>[] = [];

  constructor(private readonly app: INestApplicationContext) {
    super(app);
  }

  // Typed after IoAdapter's own socket.io (@nestjs/platform-socket.io pins its copy).
  override createIOServer(port: number, options?: IoServerOptions): ReturnType<IoAdapter['createIOServer']> {
    const redis = this.app.get(RedisConnections);
    const config = this.app.get(AppConfig);
    const pub = neverRejectingPublish(redis.create('live-pub', { failFast: true }), (error) => {
      if (!this.publishFailing) this.log.warn(`Live broadcast to other instances failed (Redis down?): ${String(error)}`);
      this.publishFailing = true;
    });
    pub.on('ready', () => (this.publishFailing = false));
    const sharded = config.env.LIVE_ADAPTER === 'sharded';
    // The subscriber waits through outages (no per-command retry limit) and re-subscribes on reconnect.
    const sub = redis.create('live-sub', { blocking: true, shardedSubscriber: sharded });
    const origin = config.env.CORS_ORIGIN === '*' ? true : config.env.CORS_ORIGIN.split(',');
    const key = liveChannelKey(redis.prefix);
    const server = super.createIOServer(port, {
      ...options,
      cors: { origin },
      // 'dynamic': a channel per room (src/live/emitter/sharded-broadcast.ts publishes to it).
      adapter: sharded ? createShardedAdapter(pub, sub, { channelPrefix: key, subscriptionMode: 'dynamic' }) : createAdapter(pub, sub, { key }),
    } as IoServerOptions);
    // The default namespace `/` serves nothing: refuse every connection to it (connect_error
    // `unauthorized`), so only the gateways' namespaces (`/live`, with its token check) accept sockets.
    server.use((_socket: unknown, next: (error?: Error) => void) => next(new Error(UNAUTHORIZED)));
    this.servers.push(server);
    return server;
  }

  /**
   * The gateways bind their client messages themselves (src/live/socket-messages.ts): with no
   * handler, Nest's binding would only build a disconnect observable per socket (~1 KB each).
   */
  override bindMessageHandlers(...args: Parameters<IoAdapter['bindMessageHandlers']>): void {
    if (args[1].length > 0) super.bindMessageHandlers(...args);
  }

  /**
   * Shutdown: closes this instance's client connections (engine level, so not the other instances'
   * sockets, as a `disconnectSockets` through the Redis adapter would); the HTTP server can then
   * drain, since an open WebSocket would keep it from closing.
   */
  disconnectLocalClients(): void {
    for (const server of this.servers) (server as { engine?: { close(): void } }).engine?.close();
  }
}
