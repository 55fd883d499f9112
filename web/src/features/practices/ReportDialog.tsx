import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { unwrap } from '../../api/problem';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field, fieldId } from '../../ui/Field';
import { localProblem, problemOf } from './form-problem';
import { problemCode } from './practice-api';

export type ReportTarget = { kind: 'practice' | 'comment'; id: string };

/** Reports a practice or a comment to the moderators, with a reason (once per user and item). */
export function ReportDialog({ target, onClose }: { target: ReportTarget | null; onClose: () => void }) {
  const { t } = useTranslation('practices');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    setReason('');
    setErrors(null);
    setDone(null);
  }, [target?.id]);

  const report = useMutation({
    mutationFn: (item: ReportTarget) =>
      unwrap(
        item.kind === 'practice'
          ? api.POST('/api/v1/practices/{id}/reports', { params: { path: { id: item.id } }, body: { reason: reason.trim() } })
          : api.POST('/api/v1/comments/{id}/reports', { params: { path: { id: item.id } }, body: { reason: reason.trim() } }),
      ),
    onSuccess: () => setDone(t('report.sent')),
    onError: (error) => {
      const code = problemCode(error);
      if (code === 'practice.already-reported' || code === 'comment.already-reported') setDone(t('report.already'));
      else setErrors(fieldErrors(problemOf(error, t('common:ui.loadFailed')), ['reason']));
    },
  });
  const send = () => {
    if (!target) return;
    if (!reason.trim()) {
      setErrors(fieldErrors(localProblem([{ field: 'reason', message: t('report.missing') }]), ['reason']));
      document.getElementById(fieldId('reason'))?.focus();
      return;
    }
    report.mutate(target);
  };
  const messages = [...(errors?.byField.reason ?? []), ...(errors?.other ?? [])];

  return (
    <Dialog
      open={!!target}
      title={target?.kind === 'comment' ? t('report.commentTitle') : t('report.practiceTitle')}
      onClose={onClose}
      actions={
        done ? (
          <Button onClick={onClose}>{t('common:ui.close')}</Button>
        ) : (
          <>
            <Button variant="quiet" onClick={onClose}>
              {t('common:ui.cancel')}
            </Button>
            <Button busy={report.isPending} onClick={send}>
              {t('report.submit')}
            </Button>
          </>
        )
      }
    >
      {done ? (
        <p role="status">{done}</p>
      ) : (
        <>
          <p>{t('report.intro')}</p>
          <Field name="reason" label={t('report.reason')} errors={messages} required>
            {(control) => <textarea {...control} rows={4} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        </>
      )}
    </Dialog>
  );
}
