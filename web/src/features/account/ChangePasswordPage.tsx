import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { unwrap } from '../../api/problem';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { PageHeading } from '../../ui/PageHeading';
import { accountProblemOf, newPasswordProblem } from './account-problems';
import { NewPasswordFields } from './NewPasswordFields';

const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;
const empty = { currentPassword: '', password: '', confirm: '' };

/**
 * /account/password: the current password and a new one. The API ends the user's other sessions
 * (other devices sign in again); this one keeps working, so the page says so and stays.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation('account');
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const change = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/password', { body: { currentPassword: values.currentPassword, newPassword: values.password } })),
    onSuccess: () => setValues(empty),
    onError: (error) => setErrors(fieldErrors(accountProblemOf(t, error), FIELDS)),
  });
  useEffect(() => {
    if (change.isSuccess) done.current?.focus();
  }, [change.isSuccess]);

  const labels = { currentPassword: t('form.currentPassword'), newPassword: t('form.newPassword'), confirm: t('form.confirm') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.reset();
    const local = newPasswordProblem(t, values.password, values.confirm, 'newPassword');
    const missingCurrent = values.currentPassword ? [] : [{ field: 'currentPassword', message: t('issues.missingCurrent') }];
    if (local || missingCurrent.length)
      return setErrors(fieldErrors({ title: '', status: 400, errors: [...missingCurrent, ...(local?.errors ?? [])] }, FIELDS));
    setErrors(null);
    change.mutate();
  };
  return (
    <section className="page narrow">
      <PageHeading>{t('changePassword.title')}</PageHeading>
      <p>{t('changePassword.intro')}</p>
      {change.isSuccess && (
        <p ref={done} tabIndex={-1} role="status" className="notice">
          {t('changePassword.done')}
        </p>
      )}
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate className="form">
        <Field name="currentPassword" label={labels.currentPassword} errors={errors?.byField.currentPassword} required>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              value={values.currentPassword}
              onChange={(e) => setValues({ ...values, currentPassword: e.target.value })}
            />
          )}
        </Field>
        <NewPasswordFields
          name="newPassword"
          password={values.password}
          confirm={values.confirm}
          onChange={(next) => setValues({ ...values, ...next })}
          errors={errors?.byField}
        />
        <Button type="submit" busy={change.isPending}>
          {t('changePassword.submit')}
        </Button>
      </form>
    </section>
  );
}
