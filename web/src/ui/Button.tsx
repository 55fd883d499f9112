import type { ButtonHTMLAttributes, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
  /** While the action runs: a spinner, clicks ignored, focus kept (a disabled button would drop it). */
  busy?: boolean;
}

export function Button({ variant = 'primary', busy = false, className, children, onClick, type = 'button', ...rest }: ButtonProps) {
  const { t } = useTranslation();
  const guarded = (event: MouseEvent<HTMLButtonElement>) => {
    if (busy) event.preventDefault();
    else onClick?.(event);
  };
  return (
    <button
      {...rest}
      type={type}
      className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')}
      aria-disabled={busy || rest.disabled || undefined}
      aria-busy={busy || undefined}
      onClick={guarded}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
      {busy && <span className="visually-hidden"> ({t('ui.working')})</span>}
    </button>
  );
}
