import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, in plain words (the brief: a destructive action names its consequence). */
  consequence: string;
  confirmLabel: string;
  danger?: boolean;
  busy: boolean;
  /** Why it failed, said in the dialog (focus stays there). */
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
  /** Fields the action needs (e.g. a reason). */
  children?: ReactNode;
}

/** A confirmation in the shared Dialog: the consequence, optional fields, Cancel and the action named. */
export function ConfirmDialog({ open, title, consequence, confirmLabel, danger, busy, error, onConfirm, onClose, children }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      actions={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('ui.cancel')}
          </Button>
          <Button variant={danger ? 'danger' : 'primary'} busy={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <p>{consequence}</p>
      {children}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
