import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { CommandContext } from '@app/events';
import type { AuthUser, Role } from '../../shared/auth-user';

/**
 * Route metadata and request decorators for controllers of every module. The keys are read by the
 * global AuthGuard (src/auth/guards); they live here so a controller never imports the auth module.
 */
export const IS_PUBLIC = 'auth:public';
export const REQUIRES_AUTH = 'auth:required';
export const ROLES_KEY = 'auth:roles';

/** Open to anyone, even for writes (login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Reads are open by default; this makes a read need a signed-in user (e.g. /auth/me). */
export const Authenticated = () => SetMetadata(REQUIRES_AUTH, true);
/** Restricts a route to the given roles (403 for the others). Implies @Authenticated. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The request as the AuthGuard leaves it: `user` is set when a valid bearer token was sent. */
export interface AuthenticatedRequest {
  id: string;
  user?: AuthUser;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser | undefined => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
});

/** Builds the CommandContext of a command from the request: who acts, and the request id to correlate by. */
export function commandContextOf(request: AuthenticatedRequest): CommandContext {
  const user = request.user;
  return {
    actor: { userId: user?.id ?? null, cityId: user?.cityId ?? null },
    role: user?.role ?? 'city',
    correlationId: String(request.id),
    causationId: null,
  };
}

export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  return commandContextOf(ctx.switchToHttp().getRequest<AuthenticatedRequest>());
});
