import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** The request once the AuthGuard accepted its token: the session the token belongs to. */
export interface WithSession {
  sessionId?: string;
}

/** The caller's session id (logout, password change); routes using it are @Authenticated. */
export const CurrentSession = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  return ctx.switchToHttp().getRequest<WithSession>().sessionId;
});
