import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 for an account under attack; the controller turns `retryAfterSeconds` into Retry-After. */
export class LoginThrottledException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-ins for this account; try again in ${retryAfterSeconds} seconds.`, HttpStatus.TOO_MANY_REQUESTS);
  }
}
