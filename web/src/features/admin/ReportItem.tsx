import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/problem';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { REPORTS_KEY, type Report } from './admin-api';
import { ConfirmDialog } from './ConfirmDialog';
import { actionKey, moderate, type ModerationAction } from './moderation-actions';

export interface ReportItemProps {
  report: Report;
  cityName: (id: string | null) => string;
  /** Said by the page (this item leaves its list once the queue reloads). */
  onDone: (message: string) => void;
}

/** One report: what was reported, by which city and why; hide it (open) or publish it again (resolved), after a confirmation. */
export function ReportItem({ report, cityName, onDone }: ReportItemProps) {
  const { t } = useTranslation('admin');
  const { dateTime } = useFormat();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<ModerationAction | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const title = report.practiceTitle ?? t('moderation.untitled');
  const action: ModerationAction = report.status === 'open' ? 'hide' : 'unhide';
  const key = actionKey(action, report);

  const run = useMutation({
    mutationFn: () => moderate(report, action, reason),
    onSuccess: () => {
      setAsking(null);
      onDone(t(`moderation.${key}.done`, { title }));
      void queryClient.invalidateQueries({ queryKey: REPORTS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['practices'] });
    },
  });
  const error =
    run.error instanceof ApiError && run.error.status === 409
      ? t(`moderation.${key}.conflict`)
      : run.error
        ? run.error instanceof ApiError
          ? run.error.message
          : t('common:ui.loadFailed')
        : null;

  const confirm = () => {
    if (action === 'hide' && !reason.trim()) {
      setReasonError(t('moderation.reasonMissing'));
      document.getElementById(`hide-reason-${report.id}`)?.focus();
      return;
    }
    setReasonError(null);
    run.mutate();
  };

  return (
    <li className="item">
      <h3 className="admin-item-title">
        {report.targetType === 'practice' ? t('moderation.practice') : t('moderation.commentOn')}{' '}
        <Link to={`/practices/${encodeURIComponent(report.practiceId)}`}>{title}</Link>
      </h3>
      {report.commentText && <blockquote className="admin-quote">{report.commentText}</blockquote>}
      <p>
        <strong>{t('moderation.reason')}</strong> {report.reason}
      </p>
      <p className="item-meta">
        {t('moderation.reportedBy', { city: cityName(report.reporterCityId), date: dateTime(report.createdAt) })}
        {report.resolvedAt && <> · {t('moderation.resolvedOn', { date: dateTime(report.resolvedAt) })}</>}
      </p>
      <Button
        variant={action === 'hide' ? 'danger' : 'secondary'}
        onClick={() => {
          run.reset();
          setReason('');
          setReasonError(null);
          setAsking(action);
        }}
      >
        {t(`moderation.${key}.button`)}
        <span className="visually-hidden"> {t('moderation.named', { title })}</span>
      </Button>
      <ConfirmDialog
        open={asking !== null}
        title={t(`moderation.${key}.title`, { title })}
        consequence={t(`moderation.${key}.consequence`)}
        confirmLabel={t(`moderation.${key}.confirm`)}
        danger={action === 'hide'}
        busy={run.isPending}
        error={error}
        onConfirm={confirm}
        onClose={() => setAsking(null)}
      >
        {action === 'hide' && (
          <div className={reasonError ? 'field field-invalid' : 'field'}>
            <label htmlFor={`hide-reason-${report.id}`}>{t('moderation.hideReason')}</label>
            <p id={`hide-reason-${report.id}-hint`} className="field-hint">
              {t('moderation.hideReasonHint')}
            </p>
            {reasonError && (
              <p id={`hide-reason-${report.id}-error`} className="field-error">
                {reasonError}
              </p>
            )}
            <textarea
              id={`hide-reason-${report.id}`}
              rows={3}
              value={reason}
              required
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={[`hide-reason-${report.id}-hint`, reasonError && `hide-reason-${report.id}-error`].filter(Boolean).join(' ')}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
        )}
      </ConfirmDialog>
    </li>
  );
}
