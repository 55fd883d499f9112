import { NotYetPage } from './NotYetPage';

/** /accept-invitation?token=… — ready for the accounts issue (the invitation e-mail links here). */
export default function AcceptInvitationRoute() {
  return <NotYetPage page="acceptInvitation" backTo="signIn" />;
}
