import { useLocation } from 'react-router';

/** What the previous page did ("Óbidos is registered."), passed in the navigation's state and said politely. */
export function DoneNotice() {
  const done = (useLocation().state as { done?: string } | null)?.done;
  return (
    <p role="status" className={done ? 'notice' : 'visually-hidden'}>
      {done}
    </p>
  );
}
