import { useTranslation } from 'react-i18next';
import { fieldId } from '../../ui/Field';
import { setGroupReceived, setReceived, TYPE_GROUPS, type PreferencesDraft } from './preferences-form';

/**
 * What reaches the city's inbox, as "receive" checkboxes grouped by projects, practices and
 * exchanges (unticked = muted for the whole city), with one button per group to tick or untick all.
 */
export function MutedTypesField({
  draft,
  onChange,
  errors = [],
}: {
  draft: PreferencesDraft;
  onChange: (draft: PreferencesDraft) => void;
  errors?: string[];
}) {
  const { t } = useTranslation('inbox');
  const id = fieldId('mutedTypes');
  const muted = new Set(draft.muted);
  return (
    <fieldset
      className={errors.length ? 'choice-group field-invalid' : 'choice-group'}
      aria-describedby={`${id}-hint${errors.length ? ` ${id}-error` : ''}`}
    >
      <legend>{t('prefs.muted.legend')}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {t('prefs.muted.hint')}
      </p>
      {errors.length > 0 && (
        <p id={`${id}-error`} className="field-error">
          {errors.join(' ')}
        </p>
      )}
      {TYPE_GROUPS.map(({ group, types }, g) => {
        const allReceived = types.every((type) => !muted.has(type));
        return (
          <fieldset key={group} className="choice-subgroup">
            <legend>{t(`prefs.muted.${group}`)}</legend>
            <button type="button" className="btn btn-quiet" onClick={() => onChange(setGroupReceived(draft, types, !allReceived))}>
              {allReceived
                ? t('prefs.muted.noneOf', { group: t(`prefs.muted.${group}`) })
                : t('prefs.muted.allOf', { group: t(`prefs.muted.${group}`) })}
            </button>
            {types.map((type, i) => {
              // The first checkbox carries the field's id, so the error summary's link lands on it.
              const boxId = g === 0 && i === 0 ? id : `${id}-${type}`;
              return (
                <div key={type} className="choice">
                  <input
                    type="checkbox"
                    id={boxId}
                    checked={!muted.has(type)}
                    onChange={(e) => onChange(setReceived(draft, type, e.target.checked))}
                  />
                  <label htmlFor={boxId}>{t(`types.${type}`)}</label>
                </div>
              );
            })}
          </fieldset>
        );
      })}
    </fieldset>
  );
}
