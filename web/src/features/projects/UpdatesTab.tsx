import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { ApiError, unwrap } from '../../api/problem';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { RelativeTime } from '../../ui/RelativeTime';
import { updatesKey, useCityName, useUpdates } from './project-queries';

const PAGE = 10;
const FIELDS = ['kind', 'text'] as const;

/** The project's news and milestones, newest first; the lead and accepted partners post them here. */
export function UpdatesTab({ projectId, canPost }: { projectId: string; canPost: boolean }) {
  const { t } = useTranslation('projects');
  const [limit, setLimit] = useState(PAGE);
  const updates = useUpdates(projectId, limit);
  const cityName = useCityName();
  return (
    <div>
      {canPost && <PostUpdateForm projectId={projectId} />}
      {updates.isPending && <Loading />}
      {updates.isError && <p className="notice notice-error">{t('common:ui.loadFailed')}</p>}
      {updates.data && updates.data.items.length === 0 && <p className="empty">{canPost ? t('updates.emptyMember') : t('updates.empty')}</p>}
      {updates.data && updates.data.items.length > 0 && (
        <ul className="item-list">
          {updates.data.items.map((u) => (
            <li key={u.id} className="item">
              <p className="item-meta">
                <span className={`update-kind update-kind-${u.kind}`}>{t(`updates.kind.${u.kind}`)}</span>
                <span>{cityName(u.authorCityId)}</span>
                <RelativeTime iso={u.createdAt} />
              </p>
              <p className="update-text">{u.text}</p>
            </li>
          ))}
        </ul>
      )}
      {updates.data && updates.data.total > updates.data.items.length && (
        <Button variant="secondary" busy={updates.isFetching} onClick={() => setLimit((l) => Math.min(l + PAGE, 100))}>
          {t('updates.more')}
        </Button>
      )}
    </div>
  );
}

function PostUpdateForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation('projects');
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'news' | 'milestone'>('news');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [posted, setPosted] = useState(false);
  const post = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/projects/{id}/updates', { params: { path: { id: projectId } }, body: { kind, text: text.trim() } })),
    onSuccess: () => {
      setText('');
      setPosted(true);
      void queryClient.invalidateQueries({ queryKey: updatesKey(projectId) });
    },
    onError: (error) =>
      setErrors(
        fieldErrors(
          error instanceof ApiError
            ? (error.problem ?? { title: error.message, status: error.status })
            : { title: t('common:ui.loadFailed'), status: 0 },
          FIELDS,
        ),
      ),
  });
  const labels = { kind: t('updates.kindLabel'), text: t('updates.text') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPosted(false);
    if (!text.trim()) return setErrors(fieldErrors({ title: '', status: 400, errors: [{ field: 'text', message: t('updates.missing') }] }, FIELDS));
    setErrors(null);
    post.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="form post-update" aria-labelledby="post-update">
      <h3 id="post-update">{t('updates.post')}</h3>
      <ErrorSummary errors={errors} labels={labels} />
      <Field name="kind" label={labels.kind} errors={errors?.byField.kind}>
        {(control) => (
          <select {...control} value={kind} onChange={(e) => setKind(e.target.value as 'news' | 'milestone')}>
            <option value="news">{t('updates.kind.news')}</option>
            <option value="milestone">{t('updates.kind.milestone')}</option>
          </select>
        )}
      </Field>
      <Field name="text" label={labels.text} errors={errors?.byField.text} required>
        {(control) => <textarea {...control} rows={4} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <Button type="submit" busy={post.isPending}>
        {t('updates.submit')}
      </Button>
      <p role="status" className="muted">
        {posted ? t('updates.posted') : ''}
      </p>
    </form>
  );
}
