import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { EventBus, ofType, QueryBus } from '@nestjs/cqrs';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import type { Subscription } from 'rxjs';
import type { Namespace, Socket } from 'socket.io';
import { SessionsEndedEvent, VerifySessionQuery } from '../auth/contracts';
import { SessionSockets } from './auth/session-sockets';
import { forgetHandshakeToken, handshakeToken, socketAuthMiddleware } from './auth/socket-auth.middleware';
import { socketUser } from './auth/socket-user';
import { cityRoom, LIVE_NAMESPACE, LiveClientMessages } from './contracts';
import { listen, sharedListener, type MessageHandler } from './socket-messages';
import { WatchService } from './watch/watch.service';
import { PRACTICE_WATCH, PROJECT_WATCH } from './watch/watch-targets';

/**
 * The `/live` namespace (SPEC §5): authenticated sockets, each in its city's room for
 * `notification`s, and in the rooms of the projects it watches for `project.event`s. A socket lives
 * as long as its session: it is disconnected (after `session.ended`) when its token expires or its
 * session ends, on whichever instance it is connected. Client messages are bound with one shared
 * listener each (socket-messages.ts), not `@SubscribeMessage`: an idle socket costs half the heap.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(LiveGateway.name);
  @WebSocketServer() namespace!: Namespace;
  private readonly sessions = new SessionSockets();
  private sessionsEnded?: Subscription;
  /** The client messages (each answered through its acknowledgement), with one listener each for all sockets. */
  private readonly listeners: ReadonlyMap<string, (this: Socket, ...args: unknown[]) => void>;

  constructor(
    private readonly queries: QueryBus,
    private readonly events: EventBus,
    private readonly watches: WatchService,
  ) {
    const handlers: Record<string, MessageHandler> = {
      [LiveClientMessages.watchProject]: (socket, body) => this.watches.watch(PROJECT_WATCH, socket, body),
      [LiveClientMessages.unwatchProject]: (socket, body) => this.watches.unwatch(PROJECT_WATCH, socket, body),
      [LiveClientMessages.watchPractice]: (socket, body) => this.watches.watch(PRACTICE_WATCH, socket, body),
      [LiveClientMessages.unwatchPractice]: (socket, body) => this.watches.unwatch(PRACTICE_WATCH, socket, body),
    };
    const unavailable = (message: string, error: unknown) => this.unavailable(message, error);
    this.listeners = new Map(Object.entries(handlers).map(([message, handle]) => [message, sharedListener(message, handle, unavailable)]));
  }

  afterInit(namespace: Namespace): void {
    namespace.use(socketAuthMiddleware(this.queries));
    // Auth publishes it on every instance's EventBus (through Redis): close this instance's sockets of those sessions.
    this.sessionsEnded = this.events.pipe(ofType(SessionsEndedEvent)).subscribe((ended) => this.sessions.endSessions(namespace, ended));
  }

  onModuleDestroy(): void {
    this.sessionsEnded?.unsubscribe();
  }

  async handleConnection(socket: Socket): Promise<void> {
    listen(socket, this.listeners);
    const user = socketUser(socket);
    this.sessions.track(socket);
    if (user.cityId) await socket.join(cityRoom(user.cityId));
    // A session that ended between the handshake's check and now was announced before this socket
    // was listed: check once more now that an announcement would find it.
    const still = await this.queries.execute(new VerifySessionQuery(handshakeToken(socket))).catch(() => null);
    if (!still) return this.sessions.cut(socket);
    // Nothing reads the token after this check: Socket.IO would keep it (a few hundred bytes, and a
    // credential) in the handshake for the socket's whole life.
    forgetHandshakeToken(socket);
  }

  handleDisconnect(socket: Socket): void {
    this.sessions.untrack(socket);
  }

  private unavailable(message: string, error: unknown): { ok: false; error: string } {
    this.logger.error(`${message} failed: ${String(error)}`);
    return { ok: false, error: 'unavailable: try again shortly' };
  }
}
