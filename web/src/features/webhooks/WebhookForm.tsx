import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, type FieldErrors } from '../../api/field-errors';
import { ApiError } from '../../api/problem';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { FieldGroup } from '../../ui/FieldGroup';
import { toggleEvent, WEBHOOK_FIELDS, webhookBodyOf, webhookIssues, type WebhookDraft, type WebhookEvent } from './webhook-form';
import type { CITY_EVENTS } from './webhook-form';
import { useCreateWebhook } from './webhooks-api';
import type { components } from '../../api/schema';

type Created = components['schemas']['CreatedWebhookView'];
const empty: WebhookDraft = { url: '', description: '', events: [] };

/** Subscribe an address to events; on success the parent shows the signing secret, once. */
export function WebhookForm({ groups, onCreated }: { groups: typeof CITY_EVENTS; onCreated: (created: Created) => void }) {
  const { t } = useTranslation('webhooks');
  const [draft, setDraft] = useState<WebhookDraft>(empty);
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const create = useCreateWebhook();
  const order = groups.flatMap((g) => g.types);
  const labels = { url: t('form.url'), events: t('form.events'), description: t('form.description') };
  const toggle = (type: WebhookEvent, on: boolean) => setDraft({ ...draft, events: toggleEvent(draft.events, type, on, order) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const issues = webhookIssues(draft);
    const entries = Object.entries(issues).map(([field, issue]) => ({ field, message: t(`issues.${issue}`) }));
    if (entries.length) return setErrors(fieldErrors({ title: '', status: 400, errors: entries }, WEBHOOK_FIELDS));
    setErrors(null);
    create.mutate(webhookBodyOf(draft), {
      onSuccess: (created) => {
        setDraft(empty);
        onCreated(created);
      },
      onError: (error) =>
        setErrors(
          fieldErrors(
            error instanceof ApiError
              ? (error.problem ?? { title: error.message, status: error.status })
              : { title: t('common:ui.loadFailed'), status: 0 },
            WEBHOOK_FIELDS,
          ),
        ),
    });
  };
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate className="form" aria-label={t('form.title')}>
        <Field name="url" label={labels.url} hint={t('form.urlHint')} errors={errors?.byField.url} required>
          {(control) => (
            <input
              {...control}
              type="url"
              inputMode="url"
              autoComplete="off"
              value={draft.url}
              onChange={(e) => setDraft({ ...draft, url: e.target.value })}
            />
          )}
        </Field>
        <FieldGroup name="events" label={labels.events} hint={t('form.eventsHint')} errors={errors?.byField.events} required>
          {groups.map((g) => (
            <div key={g.group} className="webhook-event-group">
              <p className="webhook-group-title">{t(`groups.${g.group}`)}</p>
              {g.types.map((type) => (
                <label key={type} className="choice webhook-event">
                  <input type="checkbox" checked={draft.events.includes(type)} onChange={(e) => toggle(type, e.target.checked)} /> <code>{type}</code>
                </label>
              ))}
            </div>
          ))}
        </FieldGroup>
        <Field name="description" label={labels.description} hint={t('form.descriptionHint')} errors={errors?.byField.description}>
          {(control) => (
            <input {...control} type="text" value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
          )}
        </Field>
        <Button type="submit" busy={create.isPending}>
          {t('form.submit')}
        </Button>
      </form>
    </>
  );
}
