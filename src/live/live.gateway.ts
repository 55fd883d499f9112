import { Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { socketAuthMiddleware } from './auth/socket-auth.middleware';
import { socketUser } from './auth/socket-user';
import { cityRoom, LIVE_NAMESPACE, LiveClientMessages, type PracticeEventMessage, type UnwatchAck, type WatchAck } from './contracts';
import { WatchService } from './watch/watch.service';
import { PRACTICE_WATCH, PROJECT_WATCH } from './watch/watch-targets';

/**
 * The `/live` namespace (SPEC §5): authenticated sockets, each in its city's room for
 * `notification`s, and in the rooms of the projects it watches for `project.event`s.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(LiveGateway.name);
  @WebSocketServer() namespace!: Namespace;

  constructor(
    private readonly queries: QueryBus,
    private readonly watches: WatchService,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use(socketAuthMiddleware(this.queries));
  }

  async handleConnection(socket: Socket): Promise<void> {
    const user = socketUser(socket);
    if (user.cityId) await socket.join(cityRoom(user.cityId));
  }

  @SubscribeMessage(LiveClientMessages.watchProject)
  watch(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<WatchAck> {
    return this.watches.watch(PROJECT_WATCH, socket, body).catch((error: unknown) => this.unavailable('project:watch', error));
  }

  @SubscribeMessage(LiveClientMessages.unwatchProject)
  unwatch(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<UnwatchAck> {
    return this.watches.unwatch(PROJECT_WATCH, socket, body);
  }

  @SubscribeMessage(LiveClientMessages.watchPractice)
  watchPractice(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<WatchAck<PracticeEventMessage>> {
    return this.watches.watch(PRACTICE_WATCH, socket, body).catch((error: unknown) => this.unavailable('practice:watch', error));
  }

  @SubscribeMessage(LiveClientMessages.unwatchPractice)
  unwatchPractice(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<UnwatchAck> {
    return this.watches.unwatch(PRACTICE_WATCH, socket, body);
  }

  private unavailable(message: string, error: unknown): { ok: false; error: string } {
    this.logger.error(`${message} failed: ${String(error)}`);
    return { ok: false, error: 'unavailable: try again shortly' };
  }
}
