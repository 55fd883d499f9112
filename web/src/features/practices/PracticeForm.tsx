import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../api/field-errors';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field, fieldId } from '../../ui/Field';
import { FIELDS, LANGUAGES } from './library-params';
import { useAllCities, useMeta, useSdgName } from './practice-api';
import type { PracticeField, PracticeFormValues } from './practice-form';

export interface PracticeFormProps {
  values: PracticeFormValues;
  onChange: (values: PracticeFormValues) => void;
  onSubmit: () => void;
  errors: FieldErrors | null;
  busy: boolean;
  submitLabel: string;
  /** An admin shares for a city it names. */
  chooseAuthorCity: boolean;
  /** Shown between the summary and the fields (e.g. "changed meanwhile"). */
  notice?: ReactNode;
}

/** The share and edit form: labels above fields, the API's errors beside them and summarised on top. */
export function PracticeForm({ values, onChange, onSubmit, errors, busy, submitLabel, chooseAuthorCity, notice }: PracticeFormProps) {
  const { t } = useTranslation('practices');
  const meta = useMeta();
  const sdgName = useSdgName();
  const cities = useAllCities();
  const labels = Object.fromEntries(
    (['authorCityId', 'title', 'summary', 'body', 'field', 'actionArea', 'sdgs', 'tags', 'language', 'outcomes', 'links'] as PracticeField[])
      .filter((f) => f !== 'authorCityId' || chooseAuthorCity)
      .map((f) => [f, t(`form.${f}`)]),
  );
  const set = <K extends keyof PracticeFormValues>(key: K, value: PracticeFormValues[K]) => onChange({ ...values, [key]: value });
  const text = (key: 'title' | 'summary' | 'body' | 'outcomes' | 'tags' | 'field' | 'actionArea' | 'language' | 'authorCityId') => ({
    value: values[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
  });
  const errs = (f: PracticeField) => errors?.byField[f];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const toggleSdg = (n: number) =>
    set('sdgs', values.sdgs.includes(n) ? values.sdgs.filter((s) => s !== n) : [...values.sdgs, n].sort((a, b) => a - b));
  const setLink = (i: number, key: 'title' | 'url', value: string) =>
    set(
      'links',
      values.links.map((l, j) => (j === i ? { ...l, [key]: value } : l)),
    );

  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      {notice}
      <form onSubmit={submit} noValidate className="form practice-form">
        {chooseAuthorCity && (
          <Field name="authorCityId" label={labels.authorCityId} hint={t('form.authorCityIdHint')} errors={errs('authorCityId')} required>
            {(control) => (
              <select {...control} {...text('authorCityId')}>
                <option value="">{t('form.choose')}</option>
                {cities.data?.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field name="title" label={labels.title} errors={errs('title')} required>
          {(control) => <input {...control} type="text" {...text('title')} />}
        </Field>
        <Field name="summary" label={labels.summary} hint={t('form.summaryHint')} errors={errs('summary')} required>
          {(control) => <textarea {...control} rows={3} {...text('summary')} />}
        </Field>
        <Field name="body" label={labels.body} hint={t('form.bodyHint')} errors={errs('body')} required>
          {(control) => <textarea {...control} rows={12} {...text('body')} />}
        </Field>
        <Field name="field" label={labels.field} errors={errs('field')} required>
          {(control) => (
            <select {...control} {...text('field')}>
              <option value="">{t('form.choose')}</option>
              {FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t(`common:fields.${f}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="actionArea" label={labels.actionArea} errors={errs('actionArea')}>
          {(control) => (
            <select {...control} {...text('actionArea')}>
              <option value="">{t('form.none')}</option>
              {meta.data?.actionAreas.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset
          id={fieldId('sdgs')}
          tabIndex={-1}
          className={errs('sdgs') ? 'field choice-group field-invalid' : 'field choice-group'}
          aria-describedby={errs('sdgs') ? `${fieldId('sdgs')}-error` : undefined}
        >
          <legend>
            {labels.sdgs} <span className="muted">({t('common:ui.required')})</span>
          </legend>
          {errs('sdgs') && (
            <p id={`${fieldId('sdgs')}-error`} className="field-error">
              {errs('sdgs')!.join(' ')}
            </p>
          )}
          <div className="sdg-grid">
            {Array.from({ length: 17 }, (_, i) => i + 1).map((n) => (
              <label key={n} className="choice">
                <input type="checkbox" checked={values.sdgs.includes(n)} onChange={() => toggleSdg(n)} />
                {sdgName(n)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field name="tags" label={labels.tags} hint={t('form.tagsHint')} errors={errs('tags')}>
          {(control) => <input {...control} type="text" {...text('tags')} />}
        </Field>
        <Field name="language" label={labels.language} hint={t('form.languageHint')} errors={errs('language')} required>
          {(control) => (
            <select {...control} {...text('language')}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`languages.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="outcomes" label={labels.outcomes} hint={t('form.outcomesHint')} errors={errs('outcomes')}>
          {(control) => <textarea {...control} rows={4} {...text('outcomes')} />}
        </Field>
        <fieldset
          id={fieldId('links')}
          tabIndex={-1}
          className={errs('links') ? 'field link-rows field-invalid' : 'field link-rows'}
          aria-describedby={errs('links') ? `${fieldId('links')}-error` : undefined}
        >
          <legend>{labels.links}</legend>
          {errs('links') && (
            <p id={`${fieldId('links')}-error`} className="field-error">
              {errs('links')!.join(' ')}
            </p>
          )}
          {values.links.map((link, i) => (
            <div key={i} className="link-row">
              <div className="field">
                <label htmlFor={`link-${i}-title`}>{t('form.linkTitle', { n: i + 1 })}</label>
                <input id={`link-${i}-title`} type="text" value={link.title} onChange={(e) => setLink(i, 'title', e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor={`link-${i}-url`}>{t('form.linkUrl', { n: i + 1 })}</label>
                <input
                  id={`link-${i}-url`}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  value={link.url}
                  onChange={(e) => setLink(i, 'url', e.target.value)}
                />
              </div>
              <Button
                variant="quiet"
                onClick={() =>
                  set(
                    'links',
                    values.links.filter((_, j) => j !== i),
                  )
                }
              >
                {t('form.removeLink', { n: i + 1 })}
              </Button>
            </div>
          ))}
          <Button variant="secondary" onClick={() => set('links', [...values.links, { title: '', url: '' }])}>
            {t('form.addLink')}
          </Button>
        </fieldset>
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}
