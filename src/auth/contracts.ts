/**
 * What other modules may use of auth: its query and the types it answers with. The HTTP decorators
 * (@Public, @Roles, @CurrentUser, @Ctx…) are in common/http/auth.decorators.ts.
 */
export type { AuthUser, Role } from '../shared/auth-user';
export { VerifyAccessTokenQuery } from './queries/verify-token/verify-access-token.query';
export { GetMailRecipientQuery, ListMailRecipientsQuery, SetEmailCadenceCommand, type MailRecipient } from './directory/mail-recipients';
