import { NotYetPage } from './NotYetPage';

/** /reset-password?token=… — ready for the accounts issue (the reset e-mail links here). */
export default function ResetPasswordRoute() {
  return <NotYetPage page="resetPassword" backTo="signIn" />;
}
