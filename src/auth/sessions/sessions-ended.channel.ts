import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { RedisConnections, type RedisClient } from '../../infra/redis/redis-connections';
import { SessionsEndedEvent } from './sessions-ended.event';

interface Message {
  origin: string;
  userId: string;
  sessionId: string | null;
  exceptSessionId: string | null;
}

/**
 * Tells every API instance that sessions ended, through Redis pub/sub, so each closes its own sockets
 * of those sessions within milliseconds. The instance that ended them tells its own EventBus
 * directly (it does not wait for Redis, and works while Redis is down); the others hear it from
 * Redis. HTTP needs none of this: every request reads the session from MongoDB. A message lost
 * while Redis is down leaves a socket of an ended session open until its token expires (its token
 * is refused everywhere else meanwhile): see the notes on sockets in docs/decisions.md.
 */
@Injectable()
export class SessionsEndedChannel implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SessionsEnded');
  private readonly origin = randomUUID();
  private readonly channel: string;
  private pub?: RedisClient;
  private sub?: RedisClient;

  constructor(
    private readonly redis: RedisConnections,
    private readonly events: EventBus,
  ) {
    this.channel = `${redis.prefix}:auth:sessions-ended`;
  }

  async onModuleInit(): Promise<void> {
    this.pub = this.redis.create('sessions-ended-pub', { failFast: true });
    this.sub = this.redis.create('sessions-ended-sub', { blocking: true });
    this.sub.on('message', (channel: string, raw: string) => {
      if (channel === this.channel) this.receive(raw);
    });
    // ioredis subscribes again by itself after a reconnection.
    await this.sub.subscribe(this.channel);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sub?.unsubscribe().catch(() => undefined);
  }

  /** Ends the sockets of these sessions on this instance now, and on the others through Redis. */
  async publish(ended: SessionsEndedEvent): Promise<void> {
    this.events.publish(ended);
    const message: Message = { origin: this.origin, userId: ended.userId, sessionId: ended.sessionId, exceptSessionId: ended.exceptSessionId };
    try {
      await this.pub!.publish(this.channel, JSON.stringify(message));
    } catch (error) {
      this.logger.warn(`Could not tell the other instances that sessions of user ${ended.userId} ended (Redis down?): ${String(error)}`);
    }
  }

  private receive(raw: string): void {
    try {
      const m = JSON.parse(raw) as Message;
      if (m.origin === this.origin || typeof m.userId !== 'string') return;
      this.events.publish(new SessionsEndedEvent(m.userId, m.sessionId ?? null, m.exceptSessionId ?? null));
    } catch (error) {
      this.logger.warn(`Ignored a malformed sessions-ended message: ${String(error)}`);
    }
  }
}
