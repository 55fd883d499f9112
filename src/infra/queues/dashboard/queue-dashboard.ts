import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardFastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { VerifyAccessTokenQuery } from '../../../auth/contracts';
import { problem, PROBLEM_CONTENT_TYPE } from '../../../common/http/problem';
import { QueueRegistry } from '../queue-registry';
import { boardCookie, findBoardToken } from './board-token';

export const BOARD_PATH = '/admin/queues';

/**
 * Bull Board at /admin/queues, for admins only. Registered straight on Fastify (not through
 * @bull-board/nestjs, whose Nest middleware would sit under the global /api/v1 prefix and whose
 * path matching of the board's sub-routes is not guaranteed): an encapsulated plugin whose
 * onRequest hook guards every page, asset and API call of the board.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly registry: QueueRegistry,
    private readonly moduleRef: ModuleRef,
    private readonly queries: QueryBus,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return; // an application context without HTTP
    const serverAdapter = new BoardFastifyAdapter();
    serverAdapter.setBasePath(BOARD_PATH);
    createBullBoard({
      queues: this.registry.all().map(({ name }) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }))),
      // @bull-board/fastify 9.10.1 carries its own @bull-board/api typings; the runtime contract is the same.
      serverAdapter,
      options: { uiConfig: { boardTitle: 'Creative Cities queues' } },
    });
    void fastify.register(async (scope) => {
      scope.addHook('onRequest', (request, reply) => this.guard(request, reply));
      await scope.register(serverAdapter.registerPlugin() as never, { prefix: BOARD_PATH });
    });
  }

  private async guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const found = findBoardToken({
      authorization: request.headers.authorization,
      cookie: request.headers.cookie,
      queryToken: (request.query as Record<string, unknown> | undefined)?.token,
    });
    const user = found ? await this.queries.execute(new VerifyAccessTokenQuery(found.token)).catch(() => null) : null;
    if (!user || user.role !== 'admin') {
      const status = user ? 403 : 401;
      const detail = user
        ? 'The queue dashboard is reserved to admins.'
        : 'Sign in as an admin: send the access token as a bearer header, ?token= or cookie.';
      await reply
        .status(status)
        .header('Content-Type', PROBLEM_CONTENT_TYPE)
        .send({ ...problem(status, detail), instance: request.url.split('?')[0] });
      return;
    }
    if (found?.fromQuery) reply.header('Set-Cookie', boardCookie(found.token, BOARD_PATH));
  }
}
