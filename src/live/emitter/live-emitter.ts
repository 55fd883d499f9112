import { Injectable } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import { RedisConnections } from '../../infra/redis/redis-connections';
import { LIVE_NAMESPACE } from '../contracts';
import { liveChannelKey } from '../live-channel';
import { PublishCapture } from './publish-capture';

/**
 * Emits to Socket.IO rooms through Redis without a Socket.IO server (the worker process has none):
 * every API instance's Redis adapter receives it and delivers it to its own sockets in the room.
 */
@Injectable()
export class LiveEmitter {
  private readonly capture: PublishCapture;
  private readonly emitter: Emitter;

  constructor(redis: RedisConnections) {
    // Fail fast: a push during an outage fails its job (retried later) instead of piling up in memory.
    const client = redis.create('live-emitter', { failFast: true });
    // The pushes of a batch of jobs leave in one write instead of one each (read per command by ioredis).
    client.options.enableAutoPipelining = true;
    this.capture = new PublishCapture(client);
    this.emitter = new Emitter(this.capture, { key: liveChannelKey(redis.prefix) }).of(LIVE_NAMESPACE);
  }

  /** Resolves once Redis accepted the message. */
  async toRoom(room: string, message: string, payload: unknown): Promise<void> {
    this.emitter.to(room).emit(message, payload);
    await this.capture.take();
  }
}
