/**
 * What other modules may use of auth: its queries, commands, events and the types they answer with.
 * The HTTP decorators (@Public, @Roles, @CurrentUser, @Ctx…) are in common/http/auth.decorators.ts.
 */
export type { AuthUser, Role } from '../shared/auth-user';
export { VerifyAccessTokenQuery } from './queries/verify-token/verify-access-token.query';
export { VerifySessionQuery } from './queries/verify-token/verify-session.query';
export type { AuthSession } from './token.service';
export { SessionsEndedEvent } from './sessions/sessions-ended.event';
export { GetMailRecipientQuery, ListMailRecipientsQuery, SetEmailCadenceCommand, type MailRecipient } from './directory/mail-recipients';
