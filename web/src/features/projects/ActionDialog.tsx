import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import type { AnyAction } from './project-action-request';

/** The actions asked in a dialog: destructive ones name their consequence; some carry a text. */
const TEXT: Partial<Record<AnyAction, { name: string; required: boolean }>> = {
  cancel: { name: 'reason', required: true },
  complete: { name: 'outcome', required: true },
  askToJoin: { name: 'message', required: false },
};

export interface ActionDialogProps {
  action: AnyAction | null;
  /** The city the action is about (for the sentences). */
  city: string;
  busy: boolean;
  onClose: () => void;
  onConfirm: (text: string | undefined) => void;
}

/**
 * Confirms an action in the UI kit's modal Dialog: the title asks, the body says what will happen
 * (who is told, what can no longer be undone), the button names the action; a required text
 * (cancellation reason, outcome) is checked before sending.
 */
export function ActionDialog({ action, city, busy, onClose, onConfirm }: ActionDialogProps) {
  const { t } = useTranslation('projects');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = action ? TEXT[action] : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!action) return;
    if (input?.required && !text.trim()) {
      setError(t(`dialog.${action}.missing`));
      document.getElementById(`field-${input.name}`)?.focus();
      return;
    }
    onConfirm(input ? text : undefined);
  };
  const close = () => {
    setText('');
    setError(null);
    onClose();
  };
  return (
    <Dialog open={!!action} title={action ? t(`dialog.${action}.title`, { city }) : ''} onClose={close}>
      {action && (
        <form onSubmit={submit} noValidate className="form">
          <p>{t(`dialog.${action}.consequence`, { city })}</p>
          {input && (
            <Field name={input.name} label={t(`dialog.${action}.label`)} errors={error ? [error] : []} required={input.required}>
              {(control) => <textarea {...control} rows={4} value={text} onChange={(e) => setText(e.target.value)} />}
            </Field>
          )}
          <div className="dialog-actions">
            <Button variant="secondary" onClick={close}>
              {t('dialog.back')}
            </Button>
            <Button type="submit" variant={action === 'askToJoin' || action === 'complete' ? 'primary' : 'danger'} busy={busy}>
              {t(`dialog.${action}.confirm`, { city })}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
