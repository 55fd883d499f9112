import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { EventBus, ofType, QueryBus } from '@nestjs/cqrs';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Subscription } from 'rxjs';
import type { Namespace, Socket } from 'socket.io';
import { SessionsEndedEvent, VerifySessionQuery } from '../auth/contracts';
import { SessionSockets } from './auth/session-sockets';
import { handshakeToken, socketAuthMiddleware } from './auth/socket-auth.middleware';
import { socketUser } from './auth/socket-user';
import { cityRoom, LIVE_NAMESPACE, LiveClientMessages, type PracticeEventMessage, type UnwatchAck, type WatchAck } from './contracts';
import { WatchService } from './watch/watch.service';
import { PRACTICE_WATCH, PROJECT_WATCH } from './watch/watch-targets';

/**
 * The `/live` namespace (SPEC §5): authenticated sockets, each in its city's room for
 * `notification`s, and in the rooms of the projects it watches for `project.event`s. A socket lives
 * as long as its session: it is disconnected (after `session.ended`) when its token expires or its
 * session ends, on whichever instance it is connected.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private readonly logger = new Logger(LiveGateway.name);
  @WebSocketServer() namespace!: Namespace;
  private readonly sessions = new SessionSockets();
  private sessionsEnded?: Subscription;

  constructor(
    private readonly queries: QueryBus,
    private readonly events: EventBus,
    private readonly watches: WatchService,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use(socketAuthMiddleware(this.queries));
    // Auth publishes it on every instance's EventBus (through Redis): close this instance's sockets of those sessions.
    this.sessionsEnded = this.events.pipe(ofType(SessionsEndedEvent)).subscribe((ended) => this.sessions.endSessions(namespace, ended));
  }

  onModuleDestroy(): void {
    this.sessionsEnded?.unsubscribe();
  }

  async handleConnection(socket: Socket): Promise<void> {
    const user = socketUser(socket);
    this.sessions.track(socket);
    if (user.cityId) await socket.join(cityRoom(user.cityId));
    // A session that ended between the handshake's check and now was announced before this socket
    // was listed: check once more now that an announcement would find it.
    const still = await this.queries.execute(new VerifySessionQuery(handshakeToken(socket))).catch(() => null);
    if (!still) this.sessions.cut(socket);
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
