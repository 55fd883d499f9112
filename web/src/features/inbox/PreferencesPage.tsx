import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { ApiError, unwrap } from '../../api/problem';
import { useSession } from '../../auth/useSession';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { RelativeTime } from '../../ui/RelativeTime';
import { draftOf, isChanged, saveBody, type Preferences, type PreferencesDraft } from './preferences-form';
import { EmailCadenceField } from './EmailCadenceField';
import { MutedTypesField } from './MutedTypesField';

/** Not under the inbox's key: a live notification refreshes the inbox, and must not reset a form being edited. */
const PREFERENCES_KEY = ['notification-preferences'] as const;
const FIELDS = ['email', 'mutedTypes'] as const;

type Outcome = { kind: 'saved' } | { kind: 'conflict' } | { kind: 'forbidden' } | null;

/**
 * /inbox/preferences: how the city is told by e-mail and which types reach its inbox. The save
 * sends the version read: if someone else in the city saved meanwhile (409), the form shows
 * theirs and says so in plain words instead of overwriting it.
 */
export function PreferencesPage() {
  const { t } = useTranslation('inbox');
  const user = useSession()?.user;
  const client = useQueryClient();
  const preferences = useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/notifications/preferences')),
    enabled: !!user?.cityId,
  });
  const [draft, setDraft] = useState<PreferencesDraft | null>(null);
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  // The draft starts from what is saved, and starts again when a newer version arrives (a save, a conflict).
  const savedVersion = preferences.data?.version;
  useEffect(() => {
    if (preferences.data) setDraft(draftOf(preferences.data));
  }, [savedVersion]); // only a new version replaces the draft, not a refetch of the same one
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const save = useMutation({
    mutationFn: (body: ReturnType<typeof saveBody>) => unwrap(api.PUT('/api/v1/notifications/preferences', { body })),
    onSuccess: (saved) => {
      client.setQueryData(PREFERENCES_KEY, saved);
      setDraft(draftOf(saved));
      setOutcome({ kind: 'saved' });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) {
        const fresh = await client.fetchQuery({
          queryKey: PREFERENCES_KEY,
          queryFn: () => unwrap(api.GET('/api/v1/notifications/preferences')),
          staleTime: 0,
        });
        setDraft(draftOf(fresh));
        setOutcome({ kind: 'conflict' });
      } else if (error instanceof ApiError && error.status === 403) {
        setOutcome({ kind: 'forbidden' });
      } else {
        setErrors(fieldErrors(error instanceof ApiError ? error.problem : { title: t('common:ui.loadFailed'), status: 0 }, FIELDS));
      }
    },
  });

  const heading = <PageHeading>{t('preferences')}</PageHeading>;
  if (!user?.cityId) {
    return (
      <section className="page">
        {heading}
        <p className="notice">{t('noCity')}</p>
      </section>
    );
  }
  if (preferences.isPending || !draft || !preferences.data) {
    return (
      <section className="page">
        {heading}
        {preferences.isError ? (
          <p className="notice notice-error">
            {t('common:ui.loadFailed')}{' '}
            <Button variant="secondary" onClick={() => void preferences.refetch()}>
              {t('common:ui.retry')}
            </Button>
          </p>
        ) : (
          <Loading />
        )}
      </section>
    );
  }

  const saved: Preferences = preferences.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors(null);
    setOutcome(null);
    save.mutate(saveBody(saved, draft));
  };
  const edit = (next: PreferencesDraft) => {
    setDraft(next);
    if (outcome?.kind === 'saved') setOutcome(null);
  };

  return (
    <section className="page preferences">
      {heading}
      <p>{t('prefs.intro')}</p>
      <p className="muted">
        {saved.updatedAt ? (
          <>
            {t('prefs.lastSaved')} <RelativeTime iso={saved.updatedAt} />
          </>
        ) : (
          t('prefs.defaults')
        )}
      </p>
      <div ref={outcomeRef} tabIndex={-1} className="preferences-outcome">
        {outcome?.kind === 'saved' && (
          <p className="notice" role="status">
            {t('prefs.saved')}
          </p>
        )}
        {outcome?.kind === 'conflict' && (
          <p className="notice notice-error" role="alert">
            {t('prefs.conflict')}
          </p>
        )}
        {outcome?.kind === 'forbidden' && (
          <p className="notice notice-error" role="alert">
            {t('noCity')}
          </p>
        )}
      </div>
      <ErrorSummary errors={errors} labels={{ email: t('prefs.email.legend'), mutedTypes: t('prefs.muted.legend') }} />
      <form onSubmit={submit} noValidate className="form">
        <EmailCadenceField value={draft.email} onChange={(email) => edit({ ...draft, email })} errors={errors?.byField.email} />
        <MutedTypesField draft={draft} onChange={edit} errors={errors?.byField.mutedTypes} />
        <p className="preferences-actions">
          <Button type="submit" busy={save.isPending}>
            {t('prefs.save')}
          </Button>
          {isChanged(saved, draft) && <span className="muted">{t('prefs.unsaved')}</span>}
        </p>
      </form>
      <p>
        <Link to="/inbox">{t('backToInbox')}</Link>
      </p>
    </section>
  );
}
