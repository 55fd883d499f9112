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
import type { FastifyReply } from 'fastify';
import { from, lastValueFrom, of, type Observable } from 'rxjs';
import { weakEtag } from '../http/weak-etag';
import { ReadCache } from './read-cache';

interface CachedReadOptions {
  aggregateType: string;
  /** The route parameter naming the one aggregate the answer is read from; none for a list. */
  idParam?: string;
}

const CACHED_READ = Symbol('CACHED_READ');
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * What is kept: the answer's bytes as Fastify would have sent them (JSON.stringify: no route has a
 * response schema) and their ETag, so a hit costs neither serialization nor hashing.
 */
interface KeptAnswer {
  body: string;
  etag: string;
}

interface ReadRequest {
  url: string;
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string>;
}

/**
 * Serves a GET from the ReadCache: `@CachedRead('city', 'id')` for one city, `@CachedRead('city')`
 * for a list of them. Only the answer's source may vary (path and query string are the key), so the
 * route must answer the same to every anonymous caller. Signed-in callers always read the database:
 * they may have just written through another instance whose event this one has not seen yet, and
 * they already pay a read for their session. `Cache-Control: no-cache` also reads it (RFC 9111 §5.2.1.4).
 */
export const CachedRead = (aggregateType: string, idParam?: string) =>
  applyDecorators(SetMetadata(CACHED_READ, { aggregateType, idParam } satisfies CachedReadOptions), UseInterceptors(CachedReadInterceptor));

@Injectable()
export class CachedReadInterceptor implements NestInterceptor {
  constructor(
    private readonly cache: ReadCache,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<ReadRequest>();
    const options = this.reflector.get<CachedReadOptions | undefined>(CACHED_READ, context.getHandler());
    if (!options || request.headers.authorization !== undefined || wantsFresh(request.headers['cache-control'])) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const hit = this.cache.get(request.url);
    if (hit) return of(send(reply, hit.value as KeptAnswer));
    const id = options.idParam ? request.params?.[options.idParam] : undefined;
    const tags = [id === undefined ? options.aggregateType : `${options.aggregateType}:${id}`];
    const load = async (): Promise<KeptAnswer> => {
      const body = JSON.stringify(await lastValueFrom(next.handle()));
      return { body, etag: weakEtag(body) };
    };
    return from(this.cache.read(request.url, tags, load).then((answer) => send(reply, answer)));
  }
}

/** The kept bytes as the route's answer; conditional-get.ts answers a revalidation with its ETag. */
function send(reply: FastifyReply, answer: KeptAnswer): string {
  void reply.header('content-type', JSON_TYPE).header('etag', answer.etag);
  return answer.body;
}

function wantsFresh(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return /\b(no-cache|no-store|max-age=0)\b/i.test(value);
}
