import type Redis from 'ioredis';

/**
 * @socket.io/redis-adapter calls `pubClient.publish(...)` without catching it. With a fail-fast
 * client a publish during a Redis outage rejects, and an unhandled rejection would crash the API;
 * so publishes on this client never reject: a lost broadcast is acceptable (the inbox keeps every
 * notification and `project:watch` with `sinceSeq` replays every missed project event).
 */
export function neverRejectingPublish(client: Redis, onError: (error: unknown) => void): Redis {
  const publish = client.publish.bind(client) as (channel: string, message: string | Buffer) => Promise<number>;
  (client as unknown as { publish: typeof publish }).publish = (channel, message) =>
    publish(channel, message).catch((error: unknown) => {
      onError(error);
      return 0;
    });
  return client;
}
