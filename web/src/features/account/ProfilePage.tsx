import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { ApiError, unwrap } from '../../api/problem';
import { session } from '../../auth/session';
import { LANGUAGES, type Language } from '../../i18n/languages';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { accountProblemOf, localProblem } from './account-problems';

export const ME_KEY = ['users', 'me'] as const;
const FIELDS = ['name', 'language'] as const;

/**
 * /account: the user's own name and language (the language of its e-mails; choosing it here also
 * switches this page). Sends the version read: a change made meanwhile (409) reloads and says so.
 */
export function ProfilePage() {
  const { t, i18n } = useTranslation('account');
  const client = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: () => unwrap(api.GET('/api/v1/auth/me')) });
  const [draft, setDraft] = useState<{ name: string; language: Language } | null>(null);
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [said, setSaid] = useState<'saved' | 'conflict' | null>(null);
  const saidRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (me.data) setDraft({ name: me.data.name, language: me.data.language });
  }, [me.data?.version]); // a new version (saved, reloaded) replaces the draft; a refetch of the same does not
  useEffect(() => {
    if (said) saidRef.current?.focus();
  }, [said]);

  const save = useMutation({
    mutationFn: (body: { name: string; language: Language; version: number }) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: me.data!.id } }, body })),
    onSuccess: (user) => {
      client.setQueryData(ME_KEY, user);
      const current = session.get();
      if (current) session.set({ ...current, user: { ...current.user, name: user.name } });
      if (i18n.resolvedLanguage !== user.language) void i18n.changeLanguage(user.language);
      setSaid('saved');
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) {
        await me.refetch();
        setSaid('conflict');
      } else setErrors(fieldErrors(accountProblemOf(t, error), FIELDS));
    },
  });

  const heading = <PageHeading>{t('profile.title')}</PageHeading>;
  if (!me.data || !draft)
    return (
      <section className="page narrow">
        {heading}
        {me.isError ? <p className="notice notice-error">{t('common:ui.loadFailed')}</p> : <Loading />}
      </section>
    );
  const labels = { name: t('form.name'), language: t('form.language') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaid(null);
    if (!draft.name.trim()) return setErrors(fieldErrors(localProblem([{ field: 'name', message: t('issues.missingName') }]), FIELDS));
    setErrors(null);
    save.mutate({ name: draft.name.trim(), language: draft.language, version: me.data.version });
  };
  return (
    <section className="page narrow">
      {heading}
      <p>{t('profile.intro', { email: me.data.email })}</p>
      {said && (
        <p ref={saidRef} tabIndex={-1} role={said === 'saved' ? 'status' : 'alert'} className={said === 'saved' ? 'notice' : 'notice notice-error'}>
          {t(`profile.${said}`)}
        </p>
      )}
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate className="form">
        <Field name="name" label={labels.name} errors={errors?.byField.name} required>
          {(control) => (
            <input {...control} type="text" autoComplete="name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          )}
        </Field>
        <Field name="language" label={labels.language} hint={t('profile.languageHint')} errors={errors?.byField.language} required>
          {(control) => (
            <select {...control} value={draft.language} onChange={(e) => setDraft({ ...draft, language: e.target.value as Language })}>
              {LANGUAGES.map((lng) => (
                <option key={lng} value={lng} lang={lng}>
                  {t(`common:language.${lng}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit" busy={save.isPending}>
          {t('profile.submit')}
        </Button>
      </form>
    </section>
  );
}
