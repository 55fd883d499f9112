import type { ActionFeedback } from './useProjectAction';

/** What the last action did: polite when it worked, an alert when it did not (or was overtaken). */
export function ActionFeedbackNotice({ feedback }: { feedback: ActionFeedback | null }) {
  return (
    <div role="status" aria-live="polite" className="action-feedback">
      {feedback?.kind === 'done' && <p className="notice">{feedback.message}</p>}
      {feedback && feedback.kind !== 'done' && (
        <p className="notice notice-error" role="alert">
          {feedback.message}
        </p>
      )}
    </div>
  );
}
