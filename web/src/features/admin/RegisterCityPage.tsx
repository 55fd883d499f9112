import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { unwrap } from '../../api/problem';
import { PageHeading } from '../../ui/PageHeading';
import { CITIES_KEY, localProblem, problemCode, problemOf } from './admin-api';
import { checkCityValues, CITY_FIELDS, emptyCityValues, registerBodyOf } from './city-form';
import { CityForm } from './CityForm';

/** /admin/cities/new: the secretariat registers a member city. */
export function RegisterCityPage() {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(emptyCityValues);
  const [errors, setErrors] = useState<FieldErrors | null>(null);

  const register = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/cities', { body: registerBodyOf(values) })),
    onSuccess: (city) => {
      void queryClient.invalidateQueries({ queryKey: CITIES_KEY });
      navigate('/admin/cities', { state: { done: t('cities.registered', { name: city.name }) } });
    },
    onError: (error) => {
      // A look-alike (same name ignoring accents and case, same country): said beside the name.
      const problem =
        problemCode(error) === 'city.duplicate'
          ? localProblem([{ field: 'name', message: t('cities.duplicate', { country: values.country.trim().toUpperCase() }) }])
          : problemOf(error, t('common:ui.loadFailed'));
      setErrors(fieldErrors(problem, CITY_FIELDS));
    },
  });

  const submit = () => {
    const problems = checkCityValues(values, true);
    if (problems.length) {
      setErrors(fieldErrors(localProblem(problems.map((p) => ({ field: p.field, message: t(`cityForm.problems.${p.key}`) }))), CITY_FIELDS));
      return;
    }
    setErrors(null);
    register.mutate();
  };

  return (
    <section className="page form-page">
      <PageHeading>{t('cities.registerTitle')}</PageHeading>
      <p>
        <Link to="/admin/cities">{t('cities.back')}</Link>
      </p>
      <CityForm
        registering
        values={values}
        onChange={setValues}
        onSubmit={submit}
        errors={errors}
        busy={register.isPending}
        submitLabel={t('cities.registerSubmit')}
      />
    </section>
  );
}
