import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { unwrap } from '../../api/problem';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { PageHeading } from '../../ui/PageHeading';
import { accountProblemOf, newPasswordProblem } from './account-problems';
import { NewPasswordFields } from './NewPasswordFields';
import { tokenOf } from './password-rules';
import { session } from '../../auth/session';

const FIELDS = ['password', 'confirm'] as const;

/**
 * /accept-invitation?token=… (the invitation e-mail links here): the invitee chooses a password and
 * is signed in at once (the API answers as a login), then lands on the home page.
 */
export default function AcceptInvitationRoute() {
  const { t } = useTranslation('account');
  const [params] = useSearchParams();
  const token = tokenOf(params);
  const navigate = useNavigate();
  const client = useQueryClient();
  const [values, setValues] = useState({ password: '', confirm: '' });
  const [errors, setErrors] = useState<FieldErrors | null>(null);

  const accept = useMutation({
    mutationFn: (password: string) => unwrap(api.POST('/api/v1/auth/accept-invitation', { body: { token: token!, password } })),
    onSuccess: (result) => {
      client.clear(); // another account may have been signed in in this tab
      session.set({ token: result.accessToken, user: result.user });
      navigate('/', { replace: true });
    },
    onError: (error) => setErrors(fieldErrors(accountProblemOf(t, error), FIELDS)),
  });

  const labels = { password: t('form.newPassword'), confirm: t('form.confirm') };
  if (!token) {
    return (
      <section className="page narrow">
        <PageHeading>{t('acceptInvitation.title')}</PageHeading>
        <p className="notice">{t('acceptInvitation.noToken')}</p>
        <p>
          <Link to="/sign-in">{t('signIn')}</Link>
        </p>
      </section>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local = newPasswordProblem(t, values.password, values.confirm);
    if (local) return setErrors(fieldErrors(local, FIELDS));
    setErrors(null);
    accept.mutate(values.password);
  };
  return (
    <section className="page narrow">
      <PageHeading>{t('acceptInvitation.title')}</PageHeading>
      <p>{t('acceptInvitation.intro')}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate className="form">
        <NewPasswordFields password={values.password} confirm={values.confirm} onChange={setValues} errors={errors?.byField} />
        <Button type="submit" busy={accept.isPending}>
          {t('acceptInvitation.submit')}
        </Button>
      </form>
      <p className="aside-links">
        <Link to="/sign-in">{t('acceptInvitation.haveAccount')}</Link>
      </p>
    </section>
  );
}
