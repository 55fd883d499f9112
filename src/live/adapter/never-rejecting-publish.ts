import type { RedisClient } from '../../infra/redis/redis-connections';

type Publish = (channel: string, message: string | Buffer) => Promise<number>;

/**
 * @socket.io/redis-adapter calls `pubClient.publish(...)` (the sharded adapter `spublish`) without
 * catching it. With a fail-fast client a publish during a Redis outage rejects, and an unhandled
 * rejection would crash the API; so publishes on this client never reject: a lost broadcast is
 * acceptable (the inbox keeps every notification and `project:watch` with `sinceSeq` replays every
 * missed project event).
 */
export function neverRejectingPublish(client: RedisClient, onError: (error: unknown) => void): RedisClient {
  const target = client as unknown as Record<'publish' | 'spublish', Publish>;
  for (const command of ['publish', 'spublish'] as const) {
    const send = target[command].bind(client);
    target[command] = (channel, message) =>
      send(channel, message).catch((error: unknown) => {
        onError(error);
        return 0;
      });
  }
  return client;
}
