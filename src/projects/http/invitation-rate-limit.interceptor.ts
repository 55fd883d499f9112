import { CallHandler, ExecutionContext, HttpException, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Observable, throwError } from 'rxjs';
import { catchError } from 'rxjs/operators';
import { InvitationRateLimited } from '../domain/invitation-rate-limit';

/**
 * Answers `InvitationRateLimited` as a 429 problem with `Retry-After` (seconds until the pair may
 * invite again); the problem+json filter keeps a Retry-After already set on the reply.
 */
@Injectable()
export class InvitationRateLimitInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof InvitationRateLimited)) return throwError(() => error);
        context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(error.retryAfterSeconds));
        return throwError(() => new HttpException(error.message, HttpStatus.TOO_MANY_REQUESTS, { cause: error }));
      }),
    );
  }
}
