import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardFastifyAdapter } from '@bull-board/fastify';
import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problem, PROBLEM_CONTENT_TYPE } from '../../../common/http/problem';
import { boardActionOf, isBoardWrite } from './board-actions';
import { boardCookie, findBoardToken } from './board-token';

export const BOARD_PATH = '/admin/queues';

/**
 * Who holds a token, as far as the board cares: decided by the caller (auth lives above infra),
 * with the admin's identity (`Admin`, opaque here) handed back with each of their writes.
 */
export type BoardViewer<Admin> = { access: 'admin'; admin: Admin } | { access: 'not-admin' | 'unknown' };
export type BoardViewerCheck<Admin> = (token: string) => Promise<BoardViewer<Admin>>;

/** A finished write of an admin to the board's API (its reply sent, or its client gone). */
export interface BoardAdminWrite<Admin> {
  admin: Admin;
  /** `QueueDashboard_retryJob`: see board-actions.ts. */
  action: string;
  request: FastifyRequest;
  reply: FastifyReply;
  /** When the board's guard received the request. */
  startedAt: Date;
}

export interface BoardAccess<Admin> {
  viewerOf: BoardViewerCheck<Admin>;
  /** Called once per admin write when its exchange ends; what it throws is logged, never answered. */
  onAdminWrite: (write: BoardAdminWrite<Admin>) => void;
}

const logger = new Logger('QueueDashboard');

/**
 * Bull Board at /admin/queues, for admins only. Registered straight on Fastify (not through
 * @bull-board/nestjs, whose Nest middleware would sit under the global /api/v1 prefix and whose
 * path matching of the board's sub-routes is not guaranteed): an encapsulated plugin whose
 * onRequest hook guards every page, asset and API call of the board, and reports each admin write
 * (retry, clean, pause…) to `onAdminWrite`, as Nest's routes are audited by an interceptor the
 * board never passes through. Who is an admin, and what becomes of a write, is decided where the
 * app is assembled (src/bootstrap), so infrastructure imports neither auth nor the audit log.
 */
export function installQueueDashboard<Admin>(fastify: FastifyInstance, queues: Queue[], access: BoardAccess<Admin>): void {
  const serverAdapter = new BoardFastifyAdapter();
  serverAdapter.setBasePath(BOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    // @bull-board/fastify 9.10.1 carries its own @bull-board/api typings; the runtime contract is the same.
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Creative Cities queues' } },
  });
  void fastify.register(async (scope) => {
    scope.addHook('onRequest', (request, reply) => guard(request, reply, access));
    await scope.register(serverAdapter.registerPlugin() as never, { prefix: BOARD_PATH });
  });
}

async function guard<Admin>(request: FastifyRequest, reply: FastifyReply, access: BoardAccess<Admin>): Promise<void> {
  const startedAt = new Date();
  const found = findBoardToken({
    authorization: request.headers.authorization,
    cookie: request.headers.cookie,
    queryToken: (request.query as Record<string, unknown> | undefined)?.token,
  });
  const viewer: BoardViewer<Admin> = found
    ? await access.viewerOf(found.token).catch((): BoardViewer<Admin> => ({ access: 'unknown' }))
    : { access: 'unknown' };
  if (viewer.access !== 'admin') {
    // A refused write is not an admin action: it is in the access logs, like a refused API write.
    const status = viewer.access === 'not-admin' ? 403 : 401;
    const detail =
      viewer.access === 'not-admin'
        ? 'The queue dashboard is reserved to admins.'
        : 'Sign in as an admin: send the access token as a bearer header, ?token= or cookie.';
    await reply
      .status(status)
      .header('Content-Type', PROBLEM_CONTENT_TYPE)
      .send({ ...problem(status, detail), instance: request.url.split('?')[0] });
    return;
  }
  if (found?.fromQuery) reply.header('Set-Cookie', boardCookie(found.token, BOARD_PATH));
  if (isBoardWrite(request.method)) reportWhenDone({ admin: viewer.admin, request, reply, startedAt }, access.onAdminWrite);
}

function reportWhenDone<Admin>(write: Omit<BoardAdminWrite<Admin>, 'action'>, onAdminWrite: BoardAccess<Admin>['onAdminWrite']): void {
  const route = write.request.routeOptions.url ?? write.request.url.split('?')[0];
  const action = boardActionOf(write.request.method, route.slice(BOARD_PATH.length));
  // `close` follows `finish`, and also comes alone when the client leaves first (then 499).
  write.reply.raw.once('close', () => {
    try {
      onAdminWrite({ ...write, action });
    } catch (error) {
      logger.error(`could not report ${write.request.method} ${route} (request ${String(write.request.id)}): ${String(error)}`);
    }
  });
}
