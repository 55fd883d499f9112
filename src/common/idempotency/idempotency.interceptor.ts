import { CallHandler, ExecutionContext, HttpStatus, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ConflictError } from '@app/domain';
import { withTransactionParticipant } from '@app/events';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defer, from, Observable, of, throwError } from 'rxjs';
import { catchError, finalize, mergeMap } from 'rxjs/operators';
import type { AuthUser } from '../../shared/auth-user';
import { InputValidationException } from '../http/validation.pipe';
import { IdempotencyStore } from './idempotency.store';
import { PendingLease } from './pending-lease';
import { requestFingerprint } from './request-fingerprint';

const KEY_PATTERN = /^[\w.:-]{1,128}$/;

/** Tries at storing the response after the command succeeded (a MongoDB hiccup must not lose it). */
const COMPLETE_ATTEMPTS = 3;

/**
 * SPEC §3: a POST with an `Idempotency-Key` from the same user within 24 h returns the first
 * response and changes nothing more. Two concurrent requests with one key: the second gets 409.
 * A key reused for a different request (other route or body) is a 409 too.
 *
 * The claim is a lease the running request renews, so a key whose request crashed is free again
 * once the lease runs out. Every transaction the command commits also marks the key committed
 * (`withTransactionParticipant`), so a command whose effects are stored never runs again with
 * that key, even when storing the response afterwards fails or the process dies in between.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

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
    const fingerprint = requestFingerprint(request.method, request.url, request.body);

    return from(this.store.claim(id, fingerprint)).pipe(
      mergeMap((claim) => {
        if (claim.kind !== 'claimed' && claim.fingerprint !== fingerprint) {
          throw new ConflictError('idempotency.key-reused', 'This Idempotency-Key was already used for a different request.');
        }
        if (claim.kind === 'in-progress') {
          throw new ConflictError('idempotency.in-progress', 'A request with this Idempotency-Key is still being processed; retry shortly.');
        }
        if (claim.kind === 'applied') {
          throw new ConflictError(
            'idempotency.response-lost',
            `The request with this Idempotency-Key was applied at ${new Date(claim.committedAt).toISOString()}, but the server failed before ` +
              'keeping its response; it will not run again. Read the resource to see the result.',
          );
        }
        if (claim.kind === 'replay') {
          reply.status(claim.status).header('Idempotent-Replayed', 'true');
          return of(claim.body);
        }
        return this.runClaimed(context, next, id, claim.owner);
      }),
    );
  }

  /** Runs the command holding the key: lease renewed meanwhile, key marked in its transactions, response stored after. */
  private runClaimed(context: ExecutionContext, next: CallHandler, id: string, owner: string): Observable<unknown> {
    return defer(() => {
      const lease = new PendingLease(this.store, id, owner);
      let finished = false;
      // After the request finished, nothing (e.g. work it left running) may touch its record.
      const markCommitted = async (session: Parameters<IdempotencyStore['markCommitted']>[2]) => {
        if (!finished) await this.store.markCommitted(id, owner, session);
      };
      return withTransactionParticipant(markCommitted, () => next.handle()).pipe(
        mergeMap(async (body) => {
          // Nest sets the status after the handler; it is the route's @HttpCode or 201 for a POST.
          const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
          await this.storeResponse(id, owner, status, body ?? null);
          return body;
        }),
        catchError(async (error) => {
          // Deletes the key only when no transaction of the command committed (then the client may retry with it).
          await this.store.release(id, owner).catch(() => undefined);
          throw error;
        }),
        finalize(() => {
          finished = true;
          lease.stop();
        }),
      );
    });
  }

  /**
   * The command succeeded: its response is the client's whatever happens here. If it cannot be
   * stored, the key stays marked committed (when the command wrote through a transaction), so a
   * retry is told the request was applied rather than running it again.
   */
  private async storeResponse(id: string, owner: string, status: number, body: unknown): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.complete(id, owner, status, body);
      } catch (error) {
        if (attempt >= COMPLETE_ATTEMPTS) {
          this.logger.warn({ err: error, key: id }, 'Could not store the response of an Idempotency-Key; a retry will not replay it');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  }
}
