import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllCities } from '../../../api/cities';
import { fieldErrors, type FieldErrors } from '../../../api/field-errors';
import { ApiError } from '../../../api/problem';
import { isLanguage, LANGUAGES, type Language } from '../../../i18n/languages';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { Field } from '../../../ui/Field';
import { accountProblemOf, localProblem } from '../account-problems';
import { emptyInvite, INVITE_FIELDS, inviteBodyOf, missingInviteFields, type InviteField, type InviteValues } from './invite-form';
import { useInvite, USERS_KEY } from './users-api';

/**
 * Invite someone by e-mail: the API mails a link (valid 7 days) to /accept-invitation where they
 * choose their password. An admin chooses the role and the city; a city user invites to its own city.
 */
export function InviteForm({ choosesCity }: { choosesCity: boolean }) {
  const { t, i18n } = useTranslation('account');
  const current: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const client = useQueryClient();
  const cities = useAllCities({ enabled: choosesCity });
  const [values, setValues] = useState<InviteValues>(() => emptyInvite(current));
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const sentRef = useRef<HTMLParagraphElement>(null);
  const invite = useInvite();
  useEffect(() => {
    if (sent) sentRef.current?.focus();
  }, [sent]);

  const labels: Partial<Record<InviteField, string>> = { email: t('invite.email'), name: t('invite.name') };
  if (choosesCity) labels.role = t('invite.role');
  if (choosesCity && values.role === 'city') labels.cityId = t('invite.city');
  labels.language = t('invite.language');
  const set = <K extends keyof InviteValues>(key: K, value: InviteValues[K]) => setValues({ ...values, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    const missing = missingInviteFields(values, choosesCity);
    if (missing.length)
      return setErrors(fieldErrors(localProblem(missing.map((f) => ({ field: f, message: t(`invite.missing.${f}`) }))), INVITE_FIELDS));
    setErrors(null);
    invite.mutate(inviteBodyOf(values, choosesCity), {
      onSuccess: (invitation) => {
        setSent(t('invite.sent', { name: invitation.name, email: invitation.email }));
        setValues(emptyInvite(current));
        void client.invalidateQueries({ queryKey: USERS_KEY });
      },
      onError: (error) => {
        const problem =
          error instanceof ApiError && error.status === 409
            ? localProblem([{ field: 'email', message: t('invite.taken') }])
            : accountProblemOf(t, error);
        setErrors(fieldErrors(problem, INVITE_FIELDS));
      },
    });
  };
  const errs = (f: InviteField) => errors?.byField[f];
  return (
    <>
      {sent && (
        <p ref={sentRef} tabIndex={-1} role="status" className="notice">
          {sent}
        </p>
      )}
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate className="form admin-form" aria-label={t('invite.title')}>
        <Field name="email" label={t('invite.email')} errors={errs('email')} required>
          {(control) => <input {...control} type="email" autoComplete="off" value={values.email} onChange={(e) => set('email', e.target.value)} />}
        </Field>
        <Field name="name" label={t('invite.name')} errors={errs('name')} required>
          {(control) => <input {...control} type="text" autoComplete="off" value={values.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        {choosesCity && (
          <Field name="role" label={t('invite.role')} errors={errs('role')} required>
            {(control) => (
              <select {...control} value={values.role} onChange={(e) => set('role', e.target.value as InviteValues['role'])}>
                <option value="city">{t('roles.city')}</option>
                <option value="admin">{t('roles.admin')}</option>
              </select>
            )}
          </Field>
        )}
        {choosesCity && values.role === 'city' && (
          <Field name="cityId" label={t('invite.city')} errors={errs('cityId')} required>
            {(control) => (
              <select {...control} value={values.cityId} onChange={(e) => set('cityId', e.target.value)}>
                <option value="">{cities.isPending ? t('common:ui.loading') : t('invite.chooseCity')}</option>
                {[...(cities.data ?? [])]
                  .sort((a, b) => a.name.localeCompare(b.name))
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name} ({c.country})
                    </option>
                  ))}
              </select>
            )}
          </Field>
        )}
        <Field name="language" label={t('invite.language')} hint={t('invite.languageHint')} errors={errs('language')} required>
          {(control) => (
            <select {...control} value={values.language} onChange={(e) => set('language', e.target.value as Language)}>
              {LANGUAGES.map((lng) => (
                <option key={lng} value={lng} lang={lng}>
                  {t(`common:language.${lng}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit" busy={invite.isPending}>
          {t('invite.submit')}
        </Button>
      </form>
    </>
  );
}
