import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { ApiError, unwrap, type Problem } from '../../api/problem';
import { useSession } from '../../auth/useSession';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { CREATIVE_FIELDS } from '../../ui/FieldBadge';
import { PageHeading } from '../../ui/PageHeading';
import { CheckboxGroup } from './CheckboxGroup';
import { PROJECTS_KEY, useCities } from './project-queries';
import { checkProposal, emptyProposal, PROPOSAL_FIELDS, proposalBody, toggle, type ProposalField, type ProposalValues } from './proposal-form';
import { ACTION_AREAS, SDGS, SECTORS } from './vocabulary';

/**
 * /projects/new: propose a joint project led by the user's city (an admin names the lead). Once
 * created, the project page opens on its partner suggestions, to invite partners in one click.
 */
export function ProposeProjectPage() {
  const { t } = useTranslation('projects');
  const user = useSession()?.user;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const isAdmin = user?.role === 'admin';
  const cities = useCities({ enabled: isAdmin }).data ?? [];
  const [values, setValues] = useState<ProposalValues>(emptyProposal);
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const set = <K extends keyof ProposalValues>(key: K, value: ProposalValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const propose = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/projects', { body: proposalBody(values, { asAdmin: isAdmin }) })),
    onSuccess: (project) => {
      void queryClient.invalidateQueries({ queryKey: PROJECTS_KEY });
      navigate(`/projects/${project.id}?tab=suggestions&proposed=1`);
    },
    onError: (error) => {
      const problem: Problem =
        error instanceof ApiError
          ? (error.problem ?? { title: error.message, status: error.status })
          : { title: t('common:ui.loadFailed'), status: 0 };
      setErrors(fieldErrors(problem, PROPOSAL_FIELDS));
    },
  });

  const labels: Record<ProposalField, string> = {
    leadCityId: t('form.leadCityId'),
    title: t('form.title'),
    summary: t('form.summary'),
    description: t('form.description'),
    fields: t('form.fields'),
    actionAreas: t('form.actionAreas'),
    sectors: t('form.sectors'),
    sdgs: t('form.sdgs'),
    startDate: t('form.startDate'),
    endDate: t('form.endDate'),
  };
  const shownLabels = isAdmin ? labels : (({ leadCityId: _, ...rest }) => rest)(labels);

  if (user && !isAdmin && !user.cityId) {
    return (
      <section className="page narrow">
        <PageHeading>{t('form.heading')}</PageHeading>
        <p className="notice">{t('form.noCity')}</p>
        <Link to="/projects">{t('backToList')}</Link>
      </section>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = checkProposal(
      values,
      {
        required: (f) => t('form.required', { field: labels[f].toLowerCase() }),
        chooseOne: (f) => t('form.chooseOne', { field: labels[f].toLowerCase() }),
        endBeforeStart: t('form.endBeforeStart'),
        leadCity: t('form.chooseLead'),
      },
      { needsLeadCity: isAdmin },
    );
    if (problem) return setErrors(fieldErrors(problem, PROPOSAL_FIELDS));
    setErrors(null);
    propose.mutate();
  };
  const err = (f: ProposalField) => errors?.byField[f];

  return (
    <section className="page narrow">
      <PageHeading>{t('form.heading')}</PageHeading>
      <p>{t('form.intro')}</p>
      <ErrorSummary errors={errors} labels={shownLabels} />
      <form onSubmit={submit} noValidate className="form proposal-form">
        {isAdmin && (
          <Field name="leadCityId" label={labels.leadCityId} hint={t('form.leadCityHint')} errors={err('leadCityId')} required>
            {(control) => (
              <select {...control} value={values.leadCityId} onChange={(e) => set('leadCityId', e.target.value)}>
                <option value="">{t('form.chooseCity')}</option>
                {cities.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field name="title" label={labels.title} errors={err('title')} required>
          {(control) => <input {...control} type="text" maxLength={200} value={values.title} onChange={(e) => set('title', e.target.value)} />}
        </Field>
        <Field name="summary" label={labels.summary} hint={t('form.summaryHint')} errors={err('summary')} required>
          {(control) => <textarea {...control} rows={3} maxLength={2000} value={values.summary} onChange={(e) => set('summary', e.target.value)} />}
        </Field>
        <Field name="description" label={t('form.optional', { label: labels.description })} errors={err('description')}>
          {(control) => (
            <textarea {...control} rows={6} maxLength={20000} value={values.description} onChange={(e) => set('description', e.target.value)} />
          )}
        </Field>
        <CheckboxGroup
          name="fields"
          legend={labels.fields}
          options={CREATIVE_FIELDS}
          label={(f) => t(`common:fields.${f}`)}
          chosen={values.fields}
          onToggle={(f) => set('fields', toggle(values.fields, f, CREATIVE_FIELDS))}
          errors={err('fields')}
        />
        <CheckboxGroup
          name="actionAreas"
          legend={labels.actionAreas}
          options={ACTION_AREAS}
          label={(a) => t(`actionArea.${a}`)}
          chosen={values.actionAreas}
          onToggle={(a) => set('actionAreas', toggle(values.actionAreas, a, ACTION_AREAS))}
          errors={err('actionAreas')}
        />
        <CheckboxGroup
          name="sectors"
          legend={labels.sectors}
          options={SECTORS}
          label={(s) => t(`sector.${s}`)}
          chosen={values.sectors}
          onToggle={(s) => set('sectors', toggle(values.sectors, s, SECTORS))}
          errors={err('sectors')}
        />
        <CheckboxGroup
          name="sdgs"
          legend={labels.sdgs}
          hint={t('form.sdgsHint')}
          options={SDGS}
          label={(n) => `${n}. ${t(`sdg.${n}`)}`}
          chosen={values.sdgs}
          onToggle={(n) => set('sdgs', toggle(values.sdgs, n, SDGS))}
          errors={err('sdgs')}
        />
        <div className="date-pair">
          <Field name="startDate" label={t('form.optional', { label: labels.startDate })} errors={err('startDate')}>
            {(control) => <input {...control} type="date" value={values.startDate} onChange={(e) => set('startDate', e.target.value)} />}
          </Field>
          <Field name="endDate" label={t('form.optional', { label: labels.endDate })} errors={err('endDate')}>
            {(control) => <input {...control} type="date" value={values.endDate} onChange={(e) => set('endDate', e.target.value)} />}
          </Field>
        </div>
        <div className="form-buttons">
          <Button type="submit" busy={propose.isPending}>
            {t('form.submit')}
          </Button>
          <Link to="/projects">{t('common:ui.cancel')}</Link>
        </div>
      </form>
    </section>
  );
}
