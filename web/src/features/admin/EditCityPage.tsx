import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { ApiError, unwrap } from '../../api/problem';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { CITIES_KEY, localProblem, problemCode, problemOf, useCity, type City } from './admin-api';
import { checkCityValues, CITY_FIELDS, cityValuesOf, hasProfileChanges, patchBodyOf, rebase } from './city-form';
import { CityForm } from './CityForm';

/** /admin/cities/:id/edit: a city's profile (its name, country, region, field and year are fixed at registration). */
export function EditCityPage() {
  const { id } = useParams();
  const { t } = useTranslation('admin');
  const city = useCity(id);
  if (city.isPending) return <Loading />;
  if (city.isError)
    return (
      <section className="page">
        <PageHeading>{t('cities.editTitle')}</PageHeading>
        <p className="notice notice-error" role="alert">
          {city.error instanceof ApiError && city.error.status === 404 ? t('cities.notFound') : t('common:ui.loadFailed')}
        </p>
        <Button variant="secondary" onClick={() => void city.refetch()}>
          {t('common:ui.retry')}
        </Button>
        <p>
          <Link to="/admin/cities">{t('cities.back')}</Link>
        </p>
      </section>
    );
  return <EditCityForm key={city.data.id} initial={city.data} />;
}

/**
 * The form keeps the version it opened. A 409 (the city changed meanwhile, e.g. its focal point
 * edited it) reloads it and says so; the user's edits stay, laid over the fresh profile.
 */
function EditCityForm({ initial }: { initial: City }) {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(initial);
  const [values, setValues] = useState(() => cityValuesOf(initial));
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = () => navigate('/admin/cities', { state: { done: t('cities.updated', { name: base.name }) } });

  const save = useMutation({
    mutationFn: () =>
      unwrap(api.PATCH('/api/v1/cities/{id}', { params: { path: { id: base.id } }, body: patchBodyOf(values, cityValuesOf(base), base.version) })),
    onSuccess: (city) => {
      queryClient.setQueryData([...CITIES_KEY, 'item', city.id], city);
      void queryClient.invalidateQueries({ queryKey: CITIES_KEY });
      done();
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409 && problemCode(error) === 'city.stale-version') {
        const fresh = await unwrap(api.GET('/api/v1/cities/{id}', { params: { path: { id: base.id } } })).catch(() => null);
        if (fresh) {
          setValues(rebase(values, cityValuesOf(base), cityValuesOf(fresh)));
          setBase(fresh);
          setErrors(null);
          setNotice(t('cities.changedMeanwhile'));
          return;
        }
      }
      setErrors(fieldErrors(problemOf(error, t('common:ui.loadFailed')), CITY_FIELDS));
    },
  });

  const submit = () => {
    setNotice(null);
    const problems = checkCityValues(values, false);
    if (problems.length) {
      setErrors(fieldErrors(localProblem(problems.map((p) => ({ field: p.field, message: t(`cityForm.problems.${p.key}`) }))), CITY_FIELDS));
      return;
    }
    setErrors(null);
    if (!hasProfileChanges(patchBodyOf(values, cityValuesOf(base), base.version))) return done();
    save.mutate();
  };

  return (
    <section className="page form-page">
      <PageHeading>{t('cities.editNamed', { name: base.name })}</PageHeading>
      <p>
        <Link to="/admin/cities">{t('cities.back')}</Link>
      </p>
      <dl className="admin-facts">
        <dt>{t('facts.country')}</dt>
        <dd>{base.country}</dd>
        <dt>{t('facts.region')}</dt>
        <dd>{t(`regions.${base.region}`)}</dd>
        <dt>{t('facts.field')}</dt>
        <dd>{t(`common:fields.${base.field}`)}</dd>
        <dt>{t('facts.designationYear')}</dt>
        <dd>{base.designationYear}</dd>
      </dl>
      <CityForm
        registering={false}
        values={values}
        onChange={setValues}
        onSubmit={submit}
        errors={errors}
        busy={save.isPending}
        submitLabel={t('cities.editSubmit')}
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
