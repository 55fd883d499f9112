import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from './Field';

export interface FieldGroupProps {
  /** The form field's name: ErrorSummary's link and the first-invalid focus reach the group by it. */
  name: string;
  /** The group's question, as its <legend>. */
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  /** The checkboxes or radios, each with its own <label>. */
  children: ReactNode;
}

/**
 * A group of checkboxes or radios: a fieldset named by its legend, the hint and errors announced
 * with it (aria-describedby), and focusable by id so ErrorSummary can send the user to it.
 */
export function FieldGroup({ name, label, hint, errors = [], required, children }: FieldGroupProps) {
  const { t } = useTranslation();
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={errors.length ? 'field field-group field-invalid' : 'field field-group'}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend>
        {label}
        {required && <span className="muted"> ({t('ui.required')})</span>}
      </legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p id={errorId} className="field-error">
          {errors.join(' ')}
        </p>
      )}
      {children}
    </fieldset>
  );
}
