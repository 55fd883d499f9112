import { useEffect, useRef } from 'react';
import type { ActionFeedback } from './useProjectAction';

/**
 * What the last action did: polite when it worked, an alert when it did not (or was overtaken).
 * When the action removed the button that had focus (accepted, withdrew…), focus comes here
 * instead of falling to the page's top.
 */
export function ActionFeedbackNotice({ feedback }: { feedback: ActionFeedback | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!feedback) return;
    // After the dialog's own focus return: only when focus was really lost.
    const timer = setTimeout(() => {
      if (!document.activeElement || document.activeElement === document.body) ref.current?.focus();
    });
    return () => clearTimeout(timer);
  }, [feedback]);
  return (
    <div ref={ref} tabIndex={-1} role="status" aria-live="polite" className="action-feedback">
      {feedback?.kind === 'done' && <p className="notice">{feedback.message}</p>}
      {feedback && feedback.kind !== 'done' && (
        <p className="notice notice-error" role="alert">
          {feedback.message}
        </p>
      )}
    </div>
  );
}
