import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ApiError, problemCode, unwrap } from '../../api/problem';
import { replaceInPage, type Answer, type Exchange, type Project } from './home-answers';
import { HOST_REQUESTS_KEY, homeProjectsKey } from './home-queries';

export type Reply = 'accept' | 'decline';
export interface AnswerInput {
  answer: Answer;
  reply: Reply;
}
export interface Feedback {
  kind: 'done' | 'conflict' | 'error';
  message: string;
}

/** Sends the answer; the API replies with the project or exchange as it now is. */
function send({ answer, reply }: AnswerInput, cityId: string): Promise<Project | Exchange> {
  const yes = reply === 'accept';
  switch (answer.kind) {
    case 'invitation': {
      const params = { path: { id: answer.project.id, cityId } };
      return yes
        ? unwrap(api.POST('/api/v1/projects/{id}/invitations/{cityId}/accept', { params, body: {} }))
        : unwrap(api.POST('/api/v1/projects/{id}/invitations/{cityId}/decline', { params, body: {} }));
    }
    case 'joinRequest': {
      const params = { path: { id: answer.project.id, cityId: answer.cityId } };
      return yes
        ? unwrap(api.POST('/api/v1/projects/{id}/join-requests/{cityId}/approve', { params, body: {} }))
        : unwrap(api.POST('/api/v1/projects/{id}/join-requests/{cityId}/reject', { params, body: {} }));
    }
    case 'hostRequest': {
      const params = { path: { id: answer.exchange.id } };
      return yes
        ? unwrap(api.POST('/api/v1/exchanges/{id}/accept', { params, body: {} }))
        : unwrap(api.POST('/api/v1/exchanges/{id}/decline', { params, body: {} }));
    }
  }
}

/**
 * Answers an item in place. Success: the item as it now is replaces the cached one (so it leaves the
 * list at once) and the feature lists refresh. A 409 (someone answered first, the project ended):
 * the lists are read again and the reason is said in plain words.
 */
export function useAnswer(cityId: string, subject: (answer: Answer) => string) {
  const { t } = useTranslation('home');
  const queryClient = useQueryClient();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const mutation = useMutation({
    mutationFn: (input: AnswerInput) => send(input, cityId),
    onMutate: () => setFeedback(null),
    onSuccess: (item, { answer, reply }) => {
      const isExchange = answer.kind === 'hostRequest';
      if (isExchange) queryClient.setQueryData(HOST_REQUESTS_KEY, (page: { items: Exchange[] } | undefined) => replaceInPage(page, item as Exchange));
      else queryClient.setQueryData(homeProjectsKey(cityId), (page: { items: Project[] } | undefined) => replaceInPage(page, item as Project));
      void queryClient.invalidateQueries({ queryKey: [isExchange ? 'exchanges' : 'projects'] });
      setFeedback({ kind: 'done', message: t(`done.${answer.kind}.${reply}`, { subject: subject(answer) }) });
    },
    onError: (error, { answer }) => {
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: [answer.kind === 'hostRequest' ? 'exchanges' : 'projects'] });
        const reason = problemCode(error) === 'project.finished' ? 'finished' : answer.kind;
        setFeedback({ kind: 'conflict', message: t(`conflict.${reason}`, { subject: subject(answer) }) });
        return;
      }
      const detail = error instanceof ApiError ? (error.problem?.detail ?? error.message) : t('common:ui.loadFailed');
      setFeedback({ kind: 'error', message: t('failed', { detail }) });
    },
  });
  const answer = (input: AnswerInput) =>
    mutation.mutateAsync(input).then(
      () => true,
      () => false,
    );
  const pendingKey = mutation.isPending ? `${mutation.variables.answer.key}:${mutation.variables.reply}` : null;
  return { answer, pendingKey, feedback };
}
