import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { ApiError, unwrap } from '../../api/problem';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { PageHeading } from '../../ui/PageHeading';
import { localProblem, problemOf, useAllCities } from './admin-api';
import { createUserBodyOf, emptyUserValues, missingUserFields, USER_FIELDS, type UserField, type UserFormValues } from './user-form';

/**
 * /admin/users/new: create an account with a password (POST /users), for when e-mail cannot reach
 * the person (the usual way is an invitation, /admin/users/invite).
 */
export function CreateUserPage() {
  const { t } = useTranslation('admin');
  const cities = useAllCities();
  const [values, setValues] = useState<UserFormValues>(emptyUserValues);
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const labels: Record<UserField, string> = Object.fromEntries(USER_FIELDS.map((f) => [f, t(`users.form.${f}`)])) as Record<UserField, string>;
  if (values.role === 'admin') delete (labels as Partial<Record<UserField, string>>).cityId;

  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/users', { body: createUserBodyOf(values) })),
    onSuccess: (user) => {
      setCreated(t('users.created', { name: user.name, email: user.email }));
      setValues(emptyUserValues());
    },
    onError: (error) => {
      const problem =
        error instanceof ApiError && error.status === 409
          ? localProblem([{ field: 'email', message: t('users.duplicate') }])
          : problemOf(error, t('common:ui.loadFailed'));
      setErrors(fieldErrors(problem, USER_FIELDS));
    },
  });

  const set = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) => setValues({ ...values, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const missing = missingUserFields(values);
    if (missing.length) {
      setErrors(fieldErrors(localProblem(missing.map((f) => ({ field: f, message: t(`users.missing.${f}`) }))), USER_FIELDS));
      return;
    }
    setErrors(null);
    create.mutate();
  };
  const errs = (f: UserField) => errors?.byField[f];

  return (
    <section className="page form-page">
      <PageHeading>{t('users.formTitle')}</PageHeading>
      <p>{t('users.createIntro')}</p>
      <p role="status" className={created ? 'notice' : 'visually-hidden'}>
        {created}
      </p>
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate className="form admin-form">
        <Field name="email" label={labels.email} errors={errs('email')} required>
          {(control) => <input {...control} type="email" autoComplete="off" value={values.email} onChange={(e) => set('email', e.target.value)} />}
        </Field>
        <Field name="name" label={labels.name} errors={errs('name')} required>
          {(control) => <input {...control} type="text" autoComplete="off" value={values.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field name="password" label={labels.password} hint={t('users.passwordHint')} errors={errs('password')} required>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={values.password}
              onChange={(e) => set('password', e.target.value)}
            />
          )}
        </Field>
        <Field name="role" label={labels.role} errors={errs('role')} required>
          {(control) => (
            <select {...control} value={values.role} onChange={(e) => set('role', e.target.value as UserFormValues['role'])}>
              <option value="city">{t('users.roles.city')}</option>
              <option value="admin">{t('users.roles.admin')}</option>
            </select>
          )}
        </Field>
        {values.role === 'city' && (
          <Field name="cityId" label={t('users.form.cityId')} errors={errs('cityId')} required>
            {(control) => (
              <select {...control} value={values.cityId} onChange={(e) => set('cityId', e.target.value)}>
                <option value="">{cities.isPending ? t('common:ui.loading') : t('cityForm.choose')}</option>
                {cities.data?.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.country})
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Button type="submit" busy={create.isPending}>
          {t('users.submit')}
        </Button>
      </form>
    </section>
  );
}
