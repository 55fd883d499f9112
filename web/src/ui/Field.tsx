import type { ReactNode } from 'react';

/** The DOM id of a form field: ErrorSummary links to it, so both derive it from the field name. */
export const fieldId = (name: string) => `field-${name.replace(/[^\w-]/g, '-')}`;

export interface FieldControl {
  id: string;
  name: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
  required?: boolean;
}

export interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  /** Renders the control with the props that tie it to its label, hint and errors. */
  children: (control: FieldControl) => ReactNode;
}

/** A form field: label above, hint, errors next to the control (announced with it via aria-describedby). */
export function Field({ name, label, hint, errors = [], required, children }: FieldProps) {
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={errors.length ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
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
      {children({ id, name, 'aria-invalid': errors.length ? true : undefined, 'aria-describedby': describedBy, required })}
    </div>
  );
}
