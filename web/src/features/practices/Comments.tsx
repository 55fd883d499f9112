import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { unwrap } from '../../api/problem';
import type { WatchedEvent } from '../../live/contracts';
import { Button } from '../../ui/Button';
import { Field, fieldId } from '../../ui/Field';
import { RelativeTime } from '../../ui/RelativeTime';
import { CityName } from './CityName';
import { localProblem, problemOf } from './form-problem';
import { mergeComments } from './practice-activity';
import { commentsKey, type Practice } from './practice-api';
import { ReportDialog } from './ReportDialog';

const SHOWN = 20;

/** The comments, live (new ones appear as they are posted), the latest first shown, and the form to add one. */
export function Comments({ practice, events, canComment }: { practice: Practice; events: WatchedEvent[]; canComment: boolean }) {
  const { t } = useTranslation('practices');
  const queryClient = useQueryClient();
  const fetched = useQuery({
    queryKey: commentsKey(practice.id),
    queryFn: () => unwrap(api.GET('/api/v1/practices/{id}/comments', { params: { path: { id: practice.id }, query: { page: 1, limit: 100 } } })),
  });
  const comments = useMemo(() => mergeComments(fetched.data?.items ?? [], events), [fetched.data, events]);
  const [showAll, setShowAll] = useState(false);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [reporting, setReporting] = useState<string | null>(null);
  const visible = showAll ? comments : comments.slice(-SHOWN);

  const post = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/practices/{id}/comments', { params: { path: { id: practice.id } }, body: { text: text.trim() } })),
    onSuccess: () => {
      setText('');
      setErrors(null);
      void queryClient.invalidateQueries({ queryKey: commentsKey(practice.id) });
    },
    onError: (error) => setErrors(fieldErrors(problemOf(error, t('common:ui.loadFailed')), ['text'])),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setErrors(fieldErrors(localProblem([{ field: 'text', message: t('comments.missing') }]), ['text']));
      document.getElementById(fieldId('text'))?.focus();
      return;
    }
    post.mutate();
  };
  const messages = [...(errors?.byField.text ?? []), ...(errors?.other ?? [])];

  return (
    <section className="panel" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('comments.title', { count: comments.filter((c) => !c.hidden).length })}</h2>
      {fetched.isError && <p className="notice notice-error">{t('common:ui.loadFailed')}</p>}
      {comments.length === 0 && !fetched.isPending && <p className="empty">{canComment ? t('comments.emptyCanComment') : t('comments.empty')}</p>}
      {comments.length > visible.length && (
        <Button variant="quiet" onClick={() => setShowAll(true)}>
          {t('comments.showEarlier', { count: comments.length - visible.length })}
        </Button>
      )}
      {/* Polite: a comment posted by another city is read out as it arrives. */}
      <ol className="item-list comment-list" aria-label={t('comments.listLabel')} aria-live="polite" aria-relevant="additions">
        {visible.map((c) => (
          <li key={c.id} className="item comment">
            <p className="item-meta">
              <strong>
                <CityName id={c.authorCityId} />
              </strong>
              <RelativeTime iso={c.createdAt} />
              {c.hidden && <span className="status-badge status-hidden">{t('comments.hidden')}</span>}
            </p>
            <p className="comment-text">{c.text}</p>
            {canComment && (
              <Button variant="quiet" className="btn-small" onClick={() => setReporting(c.id)}>
                {t('report.comment')}
                <span className="visually-hidden">{t('report.commentOf', { text: c.text.slice(0, 40) })}</span>
              </Button>
            )}
          </li>
        ))}
      </ol>
      {canComment && (
        <form className="form comment-form" onSubmit={submit} noValidate>
          <Field name="text" label={t('comments.label')} errors={messages}>
            {(control) => <textarea {...control} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <Button type="submit" busy={post.isPending}>
            {t('comments.submit')}
          </Button>
        </form>
      )}
      <ReportDialog target={reporting ? { kind: 'comment', id: reporting } : null} onClose={() => setReporting(null)} />
    </section>
  );
}
