import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { unwrap } from '../../api/problem';
import { useSession } from '../../auth/useSession';
import { PageHeading } from '../../ui/PageHeading';
import { localProblem, problemOf } from './form-problem';
import { PRACTICES_KEY, practiceKey } from './practice-api';
import { emptyPracticeValues, missingFields, PRACTICE_FIELDS, shareBodyOf } from './practice-form';
import { PracticeForm } from './PracticeForm';

/** /practices/new: a city shares what it learned (an admin shares for a city it names). */
export function ShareRoute() {
  const { t, i18n } = useTranslation('practices');
  const user = useSession()?.user;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const asAdmin = user?.role === 'admin';
  const [values, setValues] = useState(() => ({
    ...emptyPracticeValues(i18n.resolvedLanguage ?? 'en'),
    authorCityId: asAdmin ? (user?.cityId ?? '') : '',
  }));
  const [errors, setErrors] = useState<FieldErrors | null>(null);

  const share = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/practices', { body: shareBodyOf(values, asAdmin) })),
    onSuccess: (practice) => {
      queryClient.setQueryData(practiceKey(practice.id), practice);
      void queryClient.invalidateQueries({ queryKey: [...PRACTICES_KEY, 'list'] });
      navigate(`/practices/${encodeURIComponent(practice.id)}`);
    },
    onError: (error) => setErrors(fieldErrors(problemOf(error, t('common:ui.loadFailed')), PRACTICE_FIELDS)),
  });

  if (!user) return null;
  if (!asAdmin && !user.cityId) return <Navigate to="/practices" replace />;

  const submit = () => {
    const missing = missingFields(values, asAdmin);
    if (missing.length) {
      setErrors(fieldErrors(localProblem(missing.map((f) => ({ field: f, message: t(`form.missing.${f}`) }))), PRACTICE_FIELDS));
      return;
    }
    setErrors(null);
    share.mutate();
  };

  return (
    <section className="page form-page">
      <PageHeading>{t('share.title')}</PageHeading>
      <p>{t('share.intro')}</p>
      <PracticeForm
        values={values}
        onChange={setValues}
        onSubmit={submit}
        errors={errors}
        busy={share.isPending}
        submitLabel={t('share.submit')}
        chooseAuthorCity={asAdmin}
      />
    </section>
  );
}
