import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface ToastInput {
  /** Dedupes: a toast with an id already shown is not shown again (live messages may repeat). */
  id?: string;
  title: string;
  body?: string;
  /** In-app path the toast opens. */
  href?: string;
}
interface ToastItem extends ToastInput {
  key: string;
}

const ToastContext = createContext<(toast: ToastInput) => void>(() => {});
const VISIBLE = 3;
const LIFETIME_MS = 12_000;

export const useToast = () => useContext(ToastContext);

/**
 * The toast region: always in the page with role="status" (polite), so screen readers read each
 * toast once as it is added. Toasts leave after a while, but not while focus or the pointer is on them.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const seen = useRef(new Set<string>());
  const held = useRef(false);
  const dismiss = useCallback((key: string) => setToasts((list) => list.filter((x) => x.key !== key)), []);
  const show = useCallback((toast: ToastInput) => {
    if (toast.id) {
      if (seen.current.has(toast.id)) return;
      seen.current.add(toast.id);
    }
    const key = toast.id ?? `${Date.now()}-${Math.random()}`;
    setToasts((list) => [...list, { ...toast, key }].slice(-VISIBLE));
  }, []);
  useEffect(() => {
    if (toasts.length === 0) return;
    const timer = setInterval(() => {
      if (!held.current) setToasts((list) => list.slice(1));
    }, LIFETIME_MS);
    return () => clearInterval(timer);
  }, [toasts.length]);
  const hold = useMemo(() => ({ on: () => (held.current = true), off: () => (held.current = false) }), []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div
        className="toast-region"
        role="status"
        aria-live="polite"
        onMouseEnter={hold.on}
        onMouseLeave={hold.off}
        onFocus={hold.on}
        onBlur={hold.off}
      >
        {toasts.map((toast) => (
          <div key={toast.key} className="toast">
            <p className="toast-title">{toast.title}</p>
            {toast.body && <p className="toast-body">{toast.body}</p>}
            <div className="toast-actions">
              {toast.href && (
                <Link to={toast.href} onClick={() => dismiss(toast.key)}>
                  {t('live.open')}
                </Link>
              )}
              <button type="button" className="btn btn-quiet" onClick={() => dismiss(toast.key)}>
                {t('ui.dismiss')}
              </button>
            </div>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
