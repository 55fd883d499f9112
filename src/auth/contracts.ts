/** What other modules may use of auth: decorators, the user type and the token query. */
export type { AuthUser, Role } from './auth-user';
export { Authenticated, Ctx, CurrentUser, Public, Roles } from './decorators/auth.decorators';
export { VerifyAccessTokenQuery } from './queries/verify-token/verify-access-token.query';
