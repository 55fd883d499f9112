import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { ApiError, unwrap } from '../../api/problem';
import { useSession } from '../../auth/useSession';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { localProblem, problemOf } from './form-problem';
import { PRACTICES_KEY, practiceKey, problemCode, usePractice, type Practice } from './practice-api';
import { hasChanges, missingFields, patchBodyOf, PRACTICE_FIELDS, valuesOf, type PracticeFormValues } from './practice-form';
import { PracticeForm } from './PracticeForm';
import { PracticeLoadError } from './PracticeLoadError';

/** /practices/:id/edit: the author city (or an admin) changes its practice. */
export function EditRoute() {
  const { id } = useParams();
  const { t } = useTranslation('practices');
  const user = useSession()?.user;
  const practice = usePractice(id);
  if (practice.isPending) return <Loading />;
  if (practice.isError) return <PracticeLoadError error={practice.error} onRetry={() => void practice.refetch()} />;
  const mayEdit = user?.role === 'admin' || (!!user?.cityId && user.cityId === practice.data.authorCityId);
  if (!mayEdit)
    return (
      <section className="page">
        <PageHeading>{t('edit.title')}</PageHeading>
        <p className="notice">{t('edit.notYours')}</p>
        <Link to={`/practices/${encodeURIComponent(practice.data.id)}`}>{t('edit.back')}</Link>
      </section>
    );
  return <EditForm base={practice.data} />;
}

/**
 * The form keeps the version it was opened at. A 409 (someone changed the practice meanwhile; an
 * endorsement or a comment counts) reloads it and says so; the user's edits stay in the form, and
 * only the fields they changed are sent, so saving again leaves the others' changes alone.
 */
function EditForm({ base: initial }: { base: Practice }) {
  const { t } = useTranslation('practices');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(initial);
  const [values, setValues] = useState<PracticeFormValues>(() => valuesOf(initial));
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const href = `/practices/${encodeURIComponent(base.id)}`;

  const save = useMutation({
    mutationFn: () =>
      unwrap(api.PATCH('/api/v1/practices/{id}', { params: { path: { id: base.id } }, body: patchBodyOf(values, base, base.version) })),
    onSuccess: (practice) => {
      queryClient.setQueryData(practiceKey(practice.id), practice);
      void queryClient.invalidateQueries({ queryKey: [...PRACTICES_KEY, 'list'] });
      navigate(href);
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409 && problemCode(error) === 'practice.stale-version') {
        const fresh = await queryClient.fetchQuery({
          queryKey: practiceKey(base.id),
          queryFn: () => unwrap(api.GET('/api/v1/practices/{id}', { params: { path: { id: base.id } } })),
          staleTime: 0,
        });
        // Rebase: the user's changes over what they started from, applied to the fresh version.
        setValues({ ...valuesOf(fresh), ...changedValues(values, valuesOf(base)) });
        setBase(fresh);
        setErrors(null);
        setNotice(t('edit.changedMeanwhile'));
        return;
      }
      setErrors(fieldErrors(problemOf(error, t('common:ui.loadFailed')), PRACTICE_FIELDS));
    },
  });

  const submit = () => {
    setNotice(null);
    const missing = missingFields(values, false);
    if (missing.length) {
      setErrors(fieldErrors(localProblem(missing.map((f) => ({ field: f, message: t(`form.missing.${f}`) }))), PRACTICE_FIELDS));
      return;
    }
    setErrors(null);
    if (!hasChanges(patchBodyOf(values, base, base.version))) {
      navigate(href);
      return;
    }
    save.mutate();
  };

  return (
    <section className="page form-page">
      <PageHeading>{t('edit.title')}</PageHeading>
      <p>
        <Link to={href}>{t('edit.back')}</Link>
      </p>
      <PracticeForm
        values={values}
        onChange={setValues}
        onSubmit={submit}
        errors={errors}
        busy={save.isPending}
        submitLabel={t('edit.submit')}
        chooseAuthorCity={false}
        notice={
          notice && (
            <p className="notice" role="alert">
              {notice}
            </p>
          )
        }
      />
    </section>
  );
}

/** The values the user changed from what the form opened with. */
function changedValues(current: PracticeFormValues, opened: PracticeFormValues): Partial<PracticeFormValues> {
  const changed: Partial<PracticeFormValues> = {};
  for (const key of Object.keys(current) as (keyof PracticeFormValues)[])
    if (JSON.stringify(current[key]) !== JSON.stringify(opened[key])) (changed as Record<string, unknown>)[key] = current[key];
  return changed;
}
