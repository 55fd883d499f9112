import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import { conflictKey } from './conflict-message';
import { sendAction, type ActionInput } from './project-action-request';
import { PROJECTS_KEY, projectKey, useCityName } from './project-queries';

export interface ActionFeedback {
  kind: 'done' | 'conflict' | 'error';
  message: string;
}

/**
 * Runs the page's actions. Success: the answer replaces the cached project. A 409 (someone acted
 * meanwhile) reloads the project and says what happened in plain words; other failures say why,
 * with the problem's field errors for the dialogs that have a text field.
 */
export function useProjectAction(projectId: string) {
  const { t } = useTranslation('projects');
  const queryClient = useQueryClient();
  const cityName = useCityName();
  const [feedback, setFeedback] = useState<ActionFeedback | null>(null);

  const mutation = useMutation({
    mutationFn: (input: ActionInput) => sendAction(projectId, input),
    onMutate: () => setFeedback(null),
    onSuccess: (project, input) => {
      queryClient.setQueryData(projectKey(projectId), project);
      void queryClient.invalidateQueries({ queryKey: [...PROJECTS_KEY, 'list'] });
      setFeedback({ kind: 'done', message: t(`done.${input.action}`, { city: cityName(input.cityId ?? '') }) });
    },
    onError: (error, input) => {
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: projectKey(projectId) });
        const city = cityName(input.cityId ?? '');
        setFeedback({
          kind: 'conflict',
          message: `${t(`conflict.${conflictKey(input.action, error.problem)}`, { city })} ${t('conflict.reloaded')}`,
        });
        return;
      }
      if (error instanceof ApiError && error.status === 429) {
        setFeedback({ kind: 'error', message: t('tooMany', { seconds: error.retryAfterSeconds ?? 60 }) });
        return;
      }
      const detail = error instanceof ApiError ? (error.problem?.detail ?? error.problem?.title ?? error.message) : t('common:ui.loadFailed');
      setFeedback({ kind: 'error', message: t('failed', { detail }) });
    },
  });

  const run = (input: ActionInput): Promise<boolean> =>
    mutation.mutateAsync(input).then(
      () => true,
      () => false,
    );
  return { run, pending: mutation.isPending ? mutation.variables : undefined, feedback, clear: () => setFeedback(null) };
}
