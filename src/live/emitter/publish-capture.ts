import type { RedisClient } from '../../infra/redis/redis-connections';

/**
 * The client given to @socket.io/redis-emitter. The emitter calls `publish` without awaiting or
 * catching it; this keeps the promise of the latest publish so the caller can await it (and fail
 * the job when Redis is down), and makes sure a failure never becomes an unhandled rejection.
 */
export class PublishCapture {
  private last: Promise<number> | null = null;

  constructor(private readonly client: RedisClient) {}

  publish(channel: string, message: string | Buffer): Promise<number> {
    const pending = this.client.publish(channel, message);
    pending.catch(() => undefined);
    this.last = pending;
    return pending;
  }

  /** The promise of the publish made by the emit that just ran (emits are synchronous). */
  take(): Promise<number> {
    const pending = this.last;
    this.last = null;
    if (!pending) return Promise.reject(new Error('the emitter published nothing'));
    return pending;
  }
}
