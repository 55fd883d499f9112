import { Injectable } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import { AppConfig } from '../../config/app-config';
import { RedisConnections, type RedisClient } from '../../infra/redis/redis-connections';
import { LIVE_NAMESPACE } from '../contracts';
import { liveChannelKey } from '../live-channel';
import { PublishCapture } from './publish-capture';
import { shardedRoomBroadcast, shardedRoomChannel } from './sharded-broadcast';

/**
 * Emits to Socket.IO rooms through Redis without a Socket.IO server (the worker process has none):
 * every API instance's Redis adapter receives it and delivers it to its own sockets in the room.
 * It speaks the adapter's dialect (LIVE_ADAPTER): classic PUBLISH, or SPUBLISH for the sharded one.
 */
@Injectable()
export class LiveEmitter {
  private readonly client: RedisClient;
  private readonly channelPrefix: string;
  private readonly capture?: PublishCapture;
  private readonly emitter?: Emitter;

  constructor(redis: RedisConnections, config: AppConfig) {
    // Fail fast: a push during an outage fails its job (retried later) instead of piling up in memory.
    this.client = redis.create('live-emitter', { failFast: true });
    // The pushes of a batch of jobs leave in one write instead of one each (read per command by ioredis).
    this.client.options.enableAutoPipelining = true;
    this.channelPrefix = liveChannelKey(redis.prefix);
    if (config.env.LIVE_ADAPTER === 'classic') {
      this.capture = new PublishCapture(this.client);
      this.emitter = new Emitter(this.capture, { key: this.channelPrefix }).of(LIVE_NAMESPACE);
    }
  }

  /** Resolves once Redis accepted the message. */
  async toRoom(room: string, message: string, payload: unknown): Promise<void> {
    if (!this.emitter) {
      await this.client.spublish(
        shardedRoomChannel(this.channelPrefix, LIVE_NAMESPACE, room),
        shardedRoomBroadcast(LIVE_NAMESPACE, room, message, payload),
      );
      return;
    }
    this.emitter.to(room).emit(message, payload);
    await this.capture!.take();
  }
}
