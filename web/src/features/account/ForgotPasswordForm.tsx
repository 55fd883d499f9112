import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { unwrap } from '../../api/problem';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { PageHeading } from '../../ui/PageHeading';
import { accountProblemOf, localProblem } from './account-problems';

const FIELDS = ['email'] as const;

/**
 * Asks for a reset link. The answer is the same whether or not the address is a user's (the API
 * says 202 either way), so the page never tells who has an account.
 */
export function ForgotPasswordForm() {
  const { t } = useTranslation('account');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (sentTo) said.current?.focus();
  }, [sentTo]);

  const request = useMutation({
    mutationFn: (address: string) => unwrap(api.POST('/api/v1/auth/password-reset', { body: { email: address } })),
    onSuccess: (_, address) => setSentTo(address),
    onError: (error) => setErrors(fieldErrors(accountProblemOf(t, error), FIELDS)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSentTo(null);
    if (!email.trim()) return setErrors(fieldErrors(localProblem([{ field: 'email', message: t('issues.missingEmail') }]), FIELDS));
    setErrors(null);
    request.mutate(email.trim());
  };
  return (
    <section className="page narrow">
      <PageHeading>{t('forgot.title')}</PageHeading>
      <p>{t('forgot.intro')}</p>
      {sentTo && (
        <p ref={said} tabIndex={-1} role="status" className="notice">
          {t('forgot.sent', { email: sentTo })}
        </p>
      )}
      <ErrorSummary errors={errors} labels={{ email: t('form.email') }} />
      <form onSubmit={submit} noValidate className="form">
        <Field name="email" label={t('form.email')} errors={errors?.byField.email} required>
          {(control) => <input {...control} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Button type="submit" busy={request.isPending}>
          {t('forgot.submit')}
        </Button>
      </form>
      <p className="aside-links">
        <Link to="/sign-in">{t('signIn')}</Link>
      </p>
    </section>
  );
}
