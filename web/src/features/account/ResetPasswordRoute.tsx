import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ForgotPasswordForm } from './ForgotPasswordForm';
import { tokenOf } from './password-rules';
import { SetNewPasswordForm } from './SetNewPasswordForm';

/**
 * /reset-password: without a token, "forgot your password?" (ask for a link by e-mail); with the
 * e-mailed link's ?token=…, choose the new password.
 */
export default function ResetPasswordRoute() {
  useTranslation('account'); // loads the labels before either form renders
  const [params] = useSearchParams();
  const token = tokenOf(params);
  return token ? <SetNewPasswordForm token={token} /> : <ForgotPasswordForm />;
}
