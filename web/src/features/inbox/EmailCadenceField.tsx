import { useTranslation } from 'react-i18next';
import { fieldId } from '../../ui/Field';
import { EMAIL_CADENCES, type EmailCadence } from './preferences-form';

/** The e-mail cadence as radio buttons, each saying what the city will receive. */
export function EmailCadenceField({
  value,
  onChange,
  errors = [],
}: {
  value: EmailCadence;
  onChange: (value: EmailCadence) => void;
  errors?: string[];
}) {
  const { t } = useTranslation('inbox');
  const id = fieldId('email');
  return (
    <fieldset
      className={errors.length ? 'choice-group field-invalid' : 'choice-group'}
      aria-describedby={`${id}-hint${errors.length ? ` ${id}-error` : ''}`}
    >
      <legend>{t('prefs.email.legend')}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {t('prefs.email.hint')}
      </p>
      {errors.length > 0 && (
        <p id={`${id}-error`} className="field-error">
          {errors.join(' ')}
        </p>
      )}
      {EMAIL_CADENCES.map((cadence, i) => (
        <div key={cadence} className="choice">
          <input
            type="radio"
            name="email"
            id={i === 0 ? id : `${id}-${cadence}`}
            value={cadence}
            checked={value === cadence}
            onChange={() => onChange(cadence)}
            aria-describedby={`${id}-${cadence}-hint`}
          />
          <label htmlFor={i === 0 ? id : `${id}-${cadence}`}>{t(`prefs.email.${cadence}`)}</label>
          <p id={`${id}-${cadence}-hint`} className="field-hint choice-hint">
            {t(`prefs.email.${cadence}Hint`)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
