import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { ApiError, unwrap, type Problem } from '../../api/problem';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field, fieldId } from '../../ui/Field';
import { isDestructive, type Exchange, type ExchangeAction } from './exchange-actions';

const FIELDS = { accept: ['message'], decline: ['message'], cancel: ['reason'], complete: ['rating', 'feedback'] } as const;

function send(action: ExchangeAction, id: string, v: { text: string; rating: string }) {
  const path = { params: { path: { id } } };
  const text = v.text.trim() || null;
  switch (action) {
    case 'accept':
      return unwrap(api.POST('/api/v1/exchanges/{id}/accept', { ...path, body: { message: text } }));
    case 'decline':
      return unwrap(api.POST('/api/v1/exchanges/{id}/decline', { ...path, body: { message: text } }));
    case 'cancel':
      return unwrap(api.POST('/api/v1/exchanges/{id}/cancel', { ...path, body: { reason: text } }));
    case 'complete':
      return unwrap(api.POST('/api/v1/exchanges/{id}/complete', { ...path, body: { feedback: v.text.trim(), rating: Number(v.rating) } }));
  }
}

export interface ActionDialogProps {
  action: ExchangeAction | null;
  exchange: Exchange;
  /** The other city's name, for the consequence ("Valencia will be told"). */
  otherCity: string;
  onClose: () => void;
  onDone: (fresh: Exchange, action: ExchangeAction) => void;
  /** A 409: someone acted first. The caller reloads the exchange and says so. */
  onConflict: () => void;
}

/**
 * One dialog per action: it names the consequence, takes the optional message (or, to mark it as
 * happened, the required feedback and rating), and shows the API's errors beside the fields.
 */
export function ActionDialog({ action, exchange, otherCity, onClose, onDone, onConflict }: ActionDialogProps) {
  const { t } = useTranslation('exchanges');
  const [values, setValues] = useState({ text: '', rating: '' });
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const fields = action ? FIELDS[action] : [];

  const run = useMutation({
    mutationFn: (a: ExchangeAction) => send(a, exchange.id, values),
    onSuccess: (fresh, a) => {
      setValues({ text: '', rating: '' });
      onDone(fresh, a);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) return onConflict();
      const problem: Problem =
        error instanceof ApiError
          ? (error.problem ?? { title: error.message, status: error.status })
          : { title: t('common:ui.loadFailed'), status: 0 };
      setErrors(fieldErrors(problem, fields));
    },
  });
  const close = () => {
    setErrors(null);
    onClose();
  };
  const submit = () => {
    if (!action) return;
    if (action === 'complete') {
      const missing = [
        ...(values.rating ? [] : [{ field: 'rating', message: t('complete.missingRating') }]),
        ...(values.text.trim() ? [] : [{ field: 'feedback', message: t('complete.missingFeedback') }]),
      ];
      if (missing.length) return setErrors(fieldErrors({ title: '', status: 400, errors: missing }, fields));
    }
    setErrors(null);
    run.mutate(action);
  };
  if (!action) return null;
  const textField = action === 'cancel' ? 'reason' : action === 'complete' ? 'feedback' : 'message';
  const labels: Record<string, string> =
    action === 'complete' ? { rating: t('complete.rating'), feedback: t('complete.feedback') } : { [textField]: t(`${action}.text`) };

  return (
    <Dialog
      open
      title={t(`${action}.title`, { city: otherCity, title: exchange.practiceTitle })}
      onClose={close}
      actions={
        <>
          <Button variant="quiet" onClick={close}>
            {isDestructive(action) ? t('keep') : t('common:ui.cancel')}
          </Button>
          <Button variant={isDestructive(action) ? 'danger' : 'primary'} busy={run.isPending} onClick={submit}>
            {t(`${action}.confirm`)}
          </Button>
        </>
      }
    >
      <div className="form">
        <p>{t(`${action}.consequence`, { city: otherCity })}</p>
        <ErrorSummary errors={errors} labels={labels} />
        {action === 'complete' && (
          <fieldset
            id={fieldId('rating')}
            tabIndex={-1}
            className={errors?.byField.rating ? 'field rating field-invalid' : 'field rating'}
            aria-describedby={errors?.byField.rating ? `${fieldId('rating')}-error` : undefined}
          >
            <legend>{labels.rating}</legend>
            {errors?.byField.rating && (
              <p id={`${fieldId('rating')}-error`} className="field-error">
                {errors.byField.rating.join(' ')}
              </p>
            )}
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className="rating-choice">
                <input
                  type="radio"
                  name="rating"
                  value={n}
                  checked={values.rating === String(n)}
                  onChange={() => setValues({ ...values, rating: String(n) })}
                />
                {t(`complete.stars.${n}`)}
              </label>
            ))}
          </fieldset>
        )}
        <Field name={textField} label={labels[textField]} errors={errors?.byField[textField]} required={action === 'complete'}>
          {(control) => <textarea {...control} rows={4} value={values.text} onChange={(e) => setValues({ ...values, text: e.target.value })} />}
        </Field>
      </div>
    </Dialog>
  );
}
