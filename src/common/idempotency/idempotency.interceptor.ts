import { CallHandler, ConflictException, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, Observable, of, throwError } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import type { AuthUser } from '../../shared/auth-user';
import { InputValidationException } from '../http/validation.pipe';
import { IdempotencyStore } from './idempotency.store';

const KEY_PATTERN = /^[\w.:-]{1,128}$/;

/**
 * SPEC §3: a POST with an `Idempotency-Key` from the same user within 24 h returns the first
 * response and changes nothing more. Two concurrent requests with one key: the second gets 409.
 * A key reused for a different request (other route or body) is a 409 too.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      return throwError(
        () =>
          new InputValidationException([{ field: 'Idempotency-Key', message: 'must be 1–128 characters of letters, digits, ".", ":", "_" or "-"' }]),
      );
    }

    // Keys are per user (SPEC §3). Anonymous POSTs (only login) change nothing worth replaying, and
    // a shared anonymous scope would let one caller block another's key and store access tokens.
    if (!request.user) return next.handle();
    const id = `${request.user.id}:${key}`;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('base64url');

    return from(this.store.claim(id, fingerprint)).pipe(
      mergeMap((claim) => {
        if (claim.kind !== 'claimed' && claim.fingerprint !== fingerprint) {
          throw new ConflictException('This Idempotency-Key was already used for a different request.');
        }
        if (claim.kind === 'in-progress') {
          throw new ConflictException('A request with this Idempotency-Key is still being processed; retry shortly.');
        }
        if (claim.kind === 'replay') {
          reply.status(claim.status).header('Idempotent-Replayed', 'true');
          return of(claim.body);
        }
        return next.handle().pipe(
          mergeMap(async (body) => {
            // Nest sets the status after the handler; it is the route's @HttpCode or 201 for a POST.
            const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
            await this.store.complete(id, status, body ?? null);
            return body;
          }),
          catchError(async (error) => {
            await this.store.release(id).catch(() => undefined);
            throw error;
          }),
        );
      }),
    );
  }
}
