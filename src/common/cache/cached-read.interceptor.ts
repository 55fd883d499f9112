import {
  applyDecorators,
  Injectable,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { from, lastValueFrom, of, type Observable } from 'rxjs';
import { weakEtag } from '../http/weak-etag';
import { keptAnswerBody, mayUseKeptAnswer, type CachedReadRouteConfig, type KeptAnswer } from './kept-answer';
import { ReadCache } from './read-cache';

interface CachedReadOptions {
  aggregateType: string;
  /** The route parameter naming the one aggregate the answer is read from; none for a list. */
  idParam?: string;
}

const CACHED_READ = Symbol('CACHED_READ');

interface ReadRequest {
  url: string;
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string>;
}

/**
 * Serves a GET from the ReadCache: `@CachedRead('city', 'id')` for one city, `@CachedRead('city')`
 * for a list of them. Only the answer's source may vary (path and query string are the key), so the
 * route must answer the same to every anonymous caller. Signed-in callers and `Cache-Control: no-cache`
 * always read the database (mayUseKeptAnswer). Hits are answered before Nest (cached-read.hook.ts, by the
 * route config set here); this interceptor reads and keeps the misses.
 */
export const CachedRead = (aggregateType: string, idParam?: string) =>
  applyDecorators(
    SetMetadata(CACHED_READ, { aggregateType, idParam } satisfies CachedReadOptions),
    RouteConfig({ cachedRead: true } satisfies CachedReadRouteConfig),
    UseInterceptors(CachedReadInterceptor),
  );

@Injectable()
export class CachedReadInterceptor implements NestInterceptor {
  constructor(
    private readonly cache: ReadCache,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<ReadRequest>();
    const options = this.reflector.get<CachedReadOptions | undefined>(CACHED_READ, context.getHandler());
    if (!options || !mayUseKeptAnswer(request.headers)) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    // A hit is usually answered before Nest (cached-read.hook.ts); one may still land here (kept meanwhile).
    const hit = this.cache.get(request.url);
    if (hit) return of(keptAnswerBody(reply, hit.value as KeptAnswer));
    const id = options.idParam ? request.params?.[options.idParam] : undefined;
    const tags = [id === undefined ? options.aggregateType : `${options.aggregateType}:${id}`];
    const load = async (): Promise<KeptAnswer> => {
      const body = JSON.stringify(await lastValueFrom(next.handle()));
      return { body, etag: weakEtag(body) };
    };
    return from(this.cache.read(request.url, tags, load).then((answer) => keptAnswerBody(reply, answer)));
  }
}
