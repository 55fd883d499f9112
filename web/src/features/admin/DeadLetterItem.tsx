import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/problem';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { DEAD_LETTERS_KEY, type DeadLetter } from './admin-api';
import { ConfirmDialog } from './ConfirmDialog';

type LetterAction = 'retry' | 'skip';

/** One parked event: which consumer gave up on it, after how many attempts and why; retry or skip it after a confirmation. */
export function DeadLetterItem({ letter, onDone }: { letter: DeadLetter; onDone: (message: string) => void }) {
  const { t } = useTranslation('admin');
  const { dateTime, number } = useFormat();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<LetterAction | null>(null);
  const run = useMutation({
    mutationFn: (action: LetterAction) =>
      action === 'retry'
        ? unwrap(api.POST('/api/v1/admin/dead-letters/{id}/retry', { params: { path: { id: letter.id } } }))
        : unwrap(api.POST('/api/v1/admin/dead-letters/{id}/skip', { params: { path: { id: letter.id } } })),
    onSuccess: (_, action) => {
      setAsking(null);
      onDone(t(`deadLetters.${action}.done`, { type: letter.type }));
      void queryClient.invalidateQueries({ queryKey: DEAD_LETTERS_KEY });
    },
    onError: (error) => {
      // Someone else retried or skipped it meanwhile: the list shows where it is now.
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: DEAD_LETTERS_KEY });
    },
  });
  const error =
    run.error instanceof ApiError && run.error.status === 409
      ? t('deadLetters.conflict')
      : run.error
        ? run.error instanceof ApiError
          ? run.error.message
          : t('common:ui.loadFailed')
        : null;
  const open = (action: LetterAction) => {
    run.reset();
    setAsking(action);
  };

  return (
    <li className="item">
      <h3 className="admin-item-title">
        {letter.type} <span className={`admin-status admin-status-${letter.status}`}>{t(`deadLetters.status.${letter.status}`)}</span>
      </h3>
      <dl className="admin-facts">
        <dt>{t('deadLetters.consumer')}</dt>
        <dd>
          <code className="admin-code">{letter.consumer}</code>
        </dd>
        <dt>{t('deadLetters.aggregate')}</dt>
        <dd>
          {letter.aggregateType} <code className="admin-code">{letter.aggregateId}</code> · #{number(letter.seq)}
        </dd>
        <dt>{t('deadLetters.attempts')}</dt>
        <dd>{number(letter.attempts)}</dd>
        <dt>{t('deadLetters.error')}</dt>
        <dd className="admin-wrap">{letter.error}</dd>
        <dt>{t('deadLetters.parkedAt')}</dt>
        <dd>{dateTime(letter.parkedAt)}</dd>
      </dl>
      {letter.status === 'parked' && (
        <p className="admin-actions">
          <Button variant="secondary" onClick={() => open('retry')}>
            {t('deadLetters.retry.button')}
            <span className="visually-hidden"> {t('deadLetters.named', { type: letter.type, consumer: letter.consumer })}</span>
          </Button>
          <Button variant="danger" onClick={() => open('skip')}>
            {t('deadLetters.skip.button')}
            <span className="visually-hidden"> {t('deadLetters.named', { type: letter.type, consumer: letter.consumer })}</span>
          </Button>
        </p>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={asking ? t(`deadLetters.${asking}.title`, { type: letter.type }) : ''}
        consequence={asking ? t(`deadLetters.${asking}.consequence`, { consumer: letter.consumer }) : ''}
        confirmLabel={asking ? t(`deadLetters.${asking}.confirm`) : ''}
        danger={asking === 'skip'}
        busy={run.isPending}
        error={error}
        onConfirm={() => asking && run.mutate(asking)}
        onClose={() => setAsking(null)}
      />
    </li>
  );
}
