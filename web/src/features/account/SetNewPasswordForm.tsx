import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { unwrap } from '../../api/problem';
import { session } from '../../auth/session';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { PageHeading } from '../../ui/PageHeading';
import { accountProblemOf, newPasswordProblem } from './account-problems';
import { NewPasswordFields } from './NewPasswordFields';

const FIELDS = ['password', 'confirm'] as const;

/** The reset link's page: a new password; every session of the user ends, so it signs in again. */
export function SetNewPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation('account');
  const client = useQueryClient();
  const [values, setValues] = useState({ password: '', confirm: '' });
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const done = useRef<HTMLParagraphElement>(null);

  const confirm = useMutation({
    mutationFn: (password: string) => unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } })),
    onSuccess: () => {
      // The API ended every session of that user: a session kept in this tab would only meet 401s.
      session.set(null);
      client.clear();
    },
    onError: (error) => setErrors(fieldErrors(accountProblemOf(t, error), FIELDS)),
  });
  useEffect(() => {
    if (confirm.isSuccess) done.current?.focus();
  }, [confirm.isSuccess]);

  if (confirm.isSuccess) {
    return (
      <section className="page narrow">
        <PageHeading>{t('reset.title')}</PageHeading>
        <p ref={done} tabIndex={-1} role="status" className="notice">
          {t('reset.done')}
        </p>
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
    confirm.mutate(values.password);
  };
  return (
    <section className="page narrow">
      <PageHeading>{t('reset.title')}</PageHeading>
      <p>{t('reset.intro')}</p>
      <ErrorSummary errors={errors} labels={{ password: t('form.newPassword'), confirm: t('form.confirm') }} />
      <form onSubmit={submit} noValidate className="form">
        <NewPasswordFields password={values.password} confirm={values.confirm} onChange={setValues} errors={errors?.byField} />
        <Button type="submit" busy={confirm.isPending}>
          {t('reset.submit')}
        </Button>
      </form>
      <p className="aside-links">
        <Link to="/reset-password">{t('reset.newLink')}</Link>
      </p>
    </section>
  );
}
