import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { practiceKey, problemCode, type Practice } from './practice-api';

export interface EndorseButtonProps {
  practice: Practice;
  /** The user's city, when it may endorse (a city other than the author's); else only the count shows. */
  cityId: string | null;
  /** Whether the city endorses it now, from the practice's events (null while they load). */
  endorses: boolean | null;
}

/**
 * Endorse / withdraw with the count. Optimistic: the count and the button change at once and go
 * back if the API refuses; a 409 means the server already agrees with the other state, so that
 * state is kept and said.
 */
export function EndorseButton({ practice, cityId, endorses }: EndorseButtonProps) {
  const { t } = useTranslation('practices');
  const format = useFormat();
  const queryClient = useQueryClient();
  const [mine, setMine] = useState<boolean | null>(null); // what this page last did, until the events catch up
  const [message, setMessage] = useState<string | null>(null);
  // Once the events agree with what this page did, they decide again (and follow other tabs after).
  useEffect(() => {
    if (endorses !== null && endorses === mine) setMine(null);
  }, [endorses, mine]);
  const endorsed = mine ?? endorses ?? false;
  const key = practiceKey(practice.id);

  const toggle = useMutation({
    mutationFn: (endorse: boolean) =>
      unwrap(
        endorse
          ? api.POST('/api/v1/practices/{id}/endorsements', { params: { path: { id: practice.id } }, body: {} })
          : api.DELETE('/api/v1/practices/{id}/endorsements', { params: { path: { id: practice.id } } }),
      ),
    onMutate: async (endorse) => {
      setMessage(null);
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<Practice>(key);
      if (before) queryClient.setQueryData<Practice>(key, { ...before, endorsementCount: Math.max(0, before.endorsementCount + (endorse ? 1 : -1)) });
      setMine(endorse);
      return { before };
    },
    onSuccess: (fresh) => queryClient.setQueryData(key, fresh),
    onError: (error, endorse, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
      const code = problemCode(error);
      if (code === 'practice.already-endorsed') {
        setMine(true);
        setMessage(t('endorse.already'));
      } else if (code === 'practice.not-endorsed') {
        setMine(false);
        setMessage(t('endorse.notYet'));
      } else {
        setMine(!endorse);
        setMessage(endorse ? t('endorse.failed') : t('endorse.withdrawFailed'));
      }
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });

  return (
    <div className="endorse">
      <p className="endorse-count" role="status">
        {t('counts.endorsements', { count: practice.endorsementCount, formatted: format.number(practice.endorsementCount) })}
        {cityId && endorsed && <span> · {t('endorse.yours')}</span>}
      </p>
      {cityId &&
        (endorsed ? (
          <Button variant="secondary" busy={toggle.isPending} onClick={() => toggle.mutate(false)}>
            {t('endorse.withdraw')}
          </Button>
        ) : (
          <Button busy={toggle.isPending} onClick={() => toggle.mutate(true)}>
            {t('endorse.action')}
          </Button>
        ))}
      {message && (
        <p className="notice" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
