import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../api/field-errors';
import { fieldId } from './Field';

export interface ErrorSummaryProps {
  errors: FieldErrors | null;
  /** The visible label of each form field, in form order (the links say which field). */
  labels: Record<string, string>;
}

/**
 * The errors of a submission at the top of the form, each linking to its field. When a new set
 * arrives, the first invalid field gets focus (else the summary itself, for errors of no field).
 */
export function ErrorSummary({ errors, labels }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId(); // two summaries on a page (a form and a dialog's form) keep distinct ids
  useEffect(() => {
    if (!errors) return;
    const target = errors.first ? document.getElementById(fieldId(errors.first)) : ref.current;
    target?.focus();
  }, [errors]);
  if (!errors || (errors.other.length === 0 && Object.keys(errors.byField).length === 0)) return null;
  const fields = Object.keys(labels).filter((f) => errors.byField[f]);
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId}>{t('ui.errorSummary')}</h2>
      <ul>
        {fields.map((f) => (
          <li key={f}>
            <a
              href={`#${fieldId(f)}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(fieldId(f))?.focus();
              }}
            >
              {labels[f]}: {errors.byField[f].join(' ')}
            </a>
          </li>
        ))}
        {errors.other.map((message, i) => (
          <li key={`other-${i}`}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
