import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { focusLost, focusReturnTarget } from './focus-return';

export interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** The buttons at the bottom (e.g. Cancel + the confirming action naming its consequence). */
  actions?: ReactNode;
  /** Where focus goes if the opener is gone once the dialog closes (default: the page's h1). */
  returnFocus?: () => HTMLElement | null;
}

/** How long after closing an action may still remove the opener (its answer arrives later). */
const WATCH_OPENER_MS = 15_000;
/** How long the page's own focus handling has before the h1 takes focus. */
const LAST_RESORT_MS = 150;

/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the page inert, so focus
 * stays inside; Escape closes it; focus returns to what opened it, or, when the confirmed action
 * removes that button (now or when its answer arrives), to `returnFocus()` or the page's h1.
 */
export function Dialog({ open, title, onClose, children, actions, returnFocus }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const fallback = useRef(returnFocus);
  fallback.current = returnFocus;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    return () => {
      dialog.close();
      const chosen = fallback.current;
      // The page's own focus handling (a result message that takes focus when focus was lost) goes
      // first; the h1 only takes focus if nothing did meanwhile.
      const lastResort = () =>
        setTimeout(() => {
          if (focusLost(document)) focusReturnTarget(opener, chosen, document)?.focus();
        }, LAST_RESORT_MS);
      if (!opener?.isConnected) {
        if (chosen?.()) chosen()?.focus();
        else lastResort();
        return;
      }
      opener.focus();
      // The opener may disappear when the action's answer arrives: focus then falls to <body>; catch it.
      const watch = new MutationObserver(() => {
        if (opener.isConnected) return;
        watch.disconnect();
        if (chosen?.() && focusLost(document)) chosen()?.focus();
        else lastResort();
      });
      watch.observe(document.body, { childList: true, subtree: true });
      setTimeout(() => watch.disconnect(), WATCH_OPENER_MS);
    };
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault(); // React owns `open`: close through onClose
        onClose();
      }}
    >
      {open && (
        <>
          <div className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="btn btn-quiet" onClick={onClose} aria-label={t('ui.close')}>
              ×
            </button>
          </div>
          <div className="dialog-body">{children}</div>
          {actions && <div className="dialog-actions">{actions}</div>}
        </>
      )}
    </dialog>
  );
}
