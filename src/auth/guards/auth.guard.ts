import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../../shared/auth-user';
import { AuthenticatedRequest, IS_PUBLIC, REQUIRES_AUTH, ROLES_KEY } from '../../common/http/auth.decorators';
import { TokenService } from '../token.service';
import type { WithSession } from './current-session';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard: a bearer token, when sent, must be valid (401 otherwise). Reads are open to
 * anonymous callers; every write needs a user unless the route is @Public (SPEC §2: an
 * unauthenticated write gets 401). @Roles narrows a route to roles (403). A token is valid while its
 * session is open: one read of MongoDB per request with a token (TokenService), so a logout, a
 * password change or a disabled user is refused on every instance from the next request on.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context
      .switchToHttp()
      .getRequest<AuthenticatedRequest & WithSession & { method: string; headers: Record<string, string | undefined> }>();
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const session = match ? await this.tokens.authenticate(match[1]) : null;
      if (!session) throw new UnauthorizedException('The access token is missing, malformed, expired or signed out.');
      request.user = session.user;
      request.sessionId = session.sessionId;
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const needsUser = !!roles || this.reflector.getAllAndOverride<boolean>(REQUIRES_AUTH, targets) || !READ_METHODS.has(request.method);
    if (needsUser && !request.user) throw new UnauthorizedException('Sign in first: this action needs an access token.');
    if (roles && !roles.includes(request.user!.role)) {
      throw new ForbiddenException(`This action is reserved to: ${roles.join(', ')}.`);
    }
    return true;
  }
}
