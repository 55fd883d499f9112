import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../api/field-errors';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { FieldGroup } from '../../ui/FieldGroup';
import { CREATIVE_FIELDS, REGIONS, type CityField, type CityFormValues } from './city-form';

export interface CityFormProps {
  /** Registering asks for everything; editing only for the profile (name, country, region, field and year stay). */
  registering: boolean;
  values: CityFormValues;
  onChange: (values: CityFormValues) => void;
  onSubmit: () => void;
  errors: FieldErrors | null;
  busy: boolean;
  submitLabel: string;
  /** Shown between the summary and the fields (e.g. "changed meanwhile"). */
  notice?: ReactNode;
}

/** Register / edit a city: labels above fields, the API's errors beside them and summarised on top. */
export function CityForm({ registering, values, onChange, onSubmit, errors, busy, submitLabel, notice }: CityFormProps) {
  const { t } = useTranslation('admin');
  const shown: CityField[] = registering
    ? ['name', 'country', 'region', 'field', 'designationYear', 'location.lat', 'location.lng', 'location', 'languages', 'description', 'website']
    : ['location.lat', 'location.lng', 'location', 'languages', 'description', 'website'];
  const labels = Object.fromEntries(shown.map((f) => [f, t(`cityForm.${f.replace('location.', '')}`)]));
  const errs = (f: CityField) => errors?.byField[f];
  const text = (key: keyof CityFormValues) => ({
    value: values[key],
    onChange: (e: { target: { value: string } }) => onChange({ ...values, [key]: e.target.value }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      {notice}
      <form onSubmit={submit} noValidate className="form admin-form">
        {registering && (
          <>
            <Field name="name" label={labels.name} errors={errs('name')} required>
              {(control) => <input {...control} type="text" autoComplete="off" {...text('name')} />}
            </Field>
            <Field name="country" label={labels.country} hint={t('cityForm.countryHint')} errors={errs('country')} required>
              {(control) => <input {...control} type="text" maxLength={2} size={4} autoComplete="off" {...text('country')} />}
            </Field>
            <Field name="region" label={labels.region} errors={errs('region')} required>
              {(control) => (
                <select {...control} {...text('region')}>
                  <option value="">{t('cityForm.choose')}</option>
                  {REGIONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`regions.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="field" label={labels.field} errors={errs('field')} required>
              {(control) => (
                <select {...control} {...text('field')}>
                  <option value="">{t('cityForm.choose')}</option>
                  {CREATIVE_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {t(`common:fields.${f}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              name="designationYear"
              label={labels.designationYear}
              hint={t('cityForm.designationYearHint')}
              errors={errs('designationYear')}
              required
            >
              {(control) => <input {...control} type="text" inputMode="numeric" maxLength={4} size={6} {...text('designationYear')} />}
            </Field>
          </>
        )}
        <FieldGroup name="location" label={labels.location} hint={t('cityForm.locationHint')} errors={errs('location')}>
          <div className="admin-pair-fields">
            <Field name="location.lat" label={labels['location.lat']} errors={errs('location.lat')}>
              {(control) => <input {...control} type="text" inputMode="decimal" size={10} {...text('lat')} />}
            </Field>
            <Field name="location.lng" label={labels['location.lng']} errors={errs('location.lng')}>
              {(control) => <input {...control} type="text" inputMode="decimal" size={10} {...text('lng')} />}
            </Field>
          </div>
        </FieldGroup>
        <Field name="languages" label={labels.languages} hint={t('cityForm.languagesHint')} errors={errs('languages')}>
          {(control) => <input {...control} type="text" autoComplete="off" {...text('languages')} />}
        </Field>
        <Field name="description" label={labels.description} errors={errs('description')}>
          {(control) => <textarea {...control} rows={4} {...text('description')} />}
        </Field>
        <Field name="website" label={labels.website} errors={errs('website')}>
          {(control) => <input {...control} type="url" inputMode="url" placeholder="https://" {...text('website')} />}
        </Field>
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}
