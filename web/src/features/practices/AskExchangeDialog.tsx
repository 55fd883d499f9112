import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { unwrap } from '../../api/problem';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { emptyExchangeRequest, EXCHANGE_FIELDS, EXCHANGE_FORMATS, exchangeRequestBody, exchangeRequestProblems } from './exchange-request';
import { localProblem, problemOf } from './form-problem';
import { practiceKey, problemCode, type Practice } from './practice-api';

/** "Ask for an exchange": format, message and proposed dates, sent to the practice's author city. */
export function AskExchangeDialog({
  practice,
  authorName,
  open,
  onClose,
}: {
  practice: Practice;
  authorName: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('practices');
  const queryClient = useQueryClient();
  const [values, setValues] = useState(emptyExchangeRequest);
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [outcome, setOutcome] = useState<'sent' | 'alreadyOpen' | null>(null);
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });

  const ask = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/practices/{id}/exchanges', { params: { path: { id: practice.id } }, body: exchangeRequestBody(values) })),
    onSuccess: () => {
      setOutcome('sent');
      setValues(emptyExchangeRequest);
      void queryClient.invalidateQueries({ queryKey: practiceKey(practice.id) });
      void queryClient.invalidateQueries({ queryKey: ['exchanges'] });
    },
    onError: (error) => {
      if (problemCode(error) === 'exchange.already-open') setOutcome('alreadyOpen');
      else setErrors(fieldErrors(problemOf(error, t('common:ui.loadFailed')), EXCHANGE_FIELDS));
    },
  });
  const send = () => {
    const problems = exchangeRequestProblems(values);
    if (problems.length) {
      setErrors(fieldErrors(localProblem(problems.map((p) => ({ field: p.field, message: t(`ask.${p.key}`) }))), EXCHANGE_FIELDS));
      return;
    }
    setErrors(null);
    ask.mutate();
  };
  const close = () => {
    setErrors(null);
    setOutcome(null);
    onClose();
  };
  const labels = {
    format: t('ask.format'),
    message: t('ask.message'),
    'proposedDates.from': t('ask.from'),
    'proposedDates.to': t('ask.to'),
  };

  return (
    <Dialog
      open={open}
      title={t('ask.title', { city: authorName })}
      onClose={close}
      actions={
        outcome ? (
          <Button onClick={close}>{t('common:ui.close')}</Button>
        ) : (
          <>
            <Button variant="quiet" onClick={close}>
              {t('common:ui.cancel')}
            </Button>
            <Button busy={ask.isPending} onClick={send}>
              {t('ask.submit')}
            </Button>
          </>
        )
      }
    >
      {outcome ? (
        <p role="status">
          {outcome === 'sent' ? t('ask.sent', { city: authorName }) : t('ask.alreadyOpen')}{' '}
          <Link to="/exchanges?role=requester" onClick={close}>
            {t('ask.seeExchanges')}
          </Link>
        </p>
      ) : (
        <div className="form">
          <p>{t('ask.intro', { city: authorName, title: practice.title })}</p>
          <ErrorSummary errors={errors} labels={labels} />
          <Field name="format" label={labels.format} errors={errors?.byField.format} required>
            {(control) => (
              <select {...control} value={values.format} onChange={set('format')}>
                <option value="">{t('form.choose')}</option>
                {EXCHANGE_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {t(`formats.${f}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="message" label={labels.message} hint={t('ask.messageHint')} errors={errors?.byField.message} required>
            {(control) => <textarea {...control} rows={5} value={values.message} onChange={set('message')} />}
          </Field>
          <fieldset className="date-range">
            <legend>{t('ask.dates')}</legend>
            <Field name="proposedDates.from" label={labels['proposedDates.from']} errors={errors?.byField['proposedDates.from']}>
              {(control) => <input {...control} type="date" value={values.from} onChange={set('from')} />}
            </Field>
            <Field name="proposedDates.to" label={labels['proposedDates.to']} errors={errors?.byField['proposedDates.to']}>
              {(control) => <input {...control} type="date" value={values.to} onChange={set('to')} />}
            </Field>
          </fieldset>
        </div>
      )}
    </Dialog>
  );
}
