import type { CommitNudge } from '@app/events';
import { Logger } from '@nestjs/common';
import type { RedisConnections, RedisClient } from '../redis/redis-connections';

/**
 * Tells the other instances' consumers that events were committed (a PUBLISH of the last seq),
 * so they read the log at once instead of at their next poll. Best effort: a lost nudge only
 * delays a consumer until that poll; nothing waits for Redis.
 */
export class RedisCommitNudge implements CommitNudge {
  private readonly logger = new Logger(RedisCommitNudge.name);
  private readonly channel: string;
  private publisher: RedisClient | null = null;

  constructor(private readonly redis: RedisConnections) {
    this.channel = `${redis.prefix}:events:committed`;
  }

  publish(seq: number): void {
    this.publisher ??= this.redis.create('events-nudge', { failFast: true });
    this.publisher.publish(this.channel, String(seq)).catch((error: unknown) => this.logger.debug(`nudge not sent: ${String(error)}`));
  }

  subscribe(onCommit: (seq: number) => void): void {
    const subscriber = this.redis.create('events-nudge-sub');
    // ioredis re-subscribes by itself after a reconnect.
    subscriber.subscribe(this.channel).catch((error: unknown) => this.logger.warn(`not subscribed to commit nudges: ${String(error)}`));
    subscriber.on('message', (_channel: string, message: string) => {
      const seq = Number(message);
      if (Number.isSafeInteger(seq)) onCommit(seq);
    });
  }
}
