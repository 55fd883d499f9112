import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { ApiError, unwrap } from '../../api/problem';
import { useSession } from '../../auth/useSession';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { PageHeading } from '../../ui/PageHeading';
import { safeNext } from './safe-next';
import { session } from '../../auth/session';

const FIELDS = ['email', 'password'] as const;

/** /sign-in: e-mail and password → the access token (kept for this tab), then back where the user was going. */
export default function SignInRoute() {
  const { t } = useTranslation('signin');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signedIn = !!useSession();
  const [values, setValues] = useState({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const next = safeNext(params.get('next'));

  const login = useMutation({
    mutationFn: (body: typeof values) => unwrap(api.POST('/api/v1/auth/login', { body })),
    onSuccess: (result) => {
      session.set({ token: result.accessToken, user: result.user });
      navigate(next, { replace: true });
    },
    onError: (error) => setErrors(fieldErrors(problemOf(error), FIELDS)),
  });

  const problemOf = (error: Error) => {
    if (!(error instanceof ApiError)) return { title: t('common:ui.loadFailed'), status: 0 };
    if (error.status === 401) return { title: t('wrong'), status: 401 };
    if (error.status === 429) return { title: t('tooMany', { seconds: error.retryAfterSeconds ?? 60 }), status: 429 };
    return error.problem ?? { title: error.message, status: error.status };
  };

  if (signedIn && !login.isPending) return <Navigate to={next} replace />;

  const labels = { email: t('email'), password: t('password') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = FIELDS.filter((f) => values[f].trim() === '');
    if (missing.length) {
      const problem = {
        title: '',
        status: 400,
        errors: missing.map((f) => ({ field: f, message: t('missing', { field: labels[f].toLowerCase() }) })),
      };
      setErrors(fieldErrors(problem, FIELDS));
      return;
    }
    setErrors(null);
    login.mutate({ email: values.email.trim(), password: values.password });
  };

  return (
    <section className="page narrow">
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate className="form">
        <Field name="email" label={labels.email} errors={errors?.byField.email} required>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="username"
              value={values.email}
              onChange={(e) => setValues({ ...values, email: e.target.value })}
            />
          )}
        </Field>
        <Field name="password" label={labels.password} errors={errors?.byField.password} required>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              value={values.password}
              onChange={(e) => setValues({ ...values, password: e.target.value })}
            />
          )}
        </Field>
        <Button type="submit" busy={login.isPending}>
          {t('submit')}
        </Button>
      </form>
      <p className="aside-links">
        <Link to="/reset-password">{t('forgot')}</Link> · <Link to="/accept-invitation">{t('invited')}</Link>
      </p>
    </section>
  );
}
