import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { session, type SessionUser } from '../auth/session';

/** The account disclosure: who is signed in, preferences, password, sign out. Escape or a click outside closes it. */
export function AccountMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => ref.current?.contains(e.target as Node) || setOpen(false);
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open]);
  const [leaving, setLeaving] = useState(false);
  // The API ends this token (and closes its live sockets) first; signed out here whatever it answers.
  const signOut = async () => {
    setLeaving(true);
    try {
      await api.POST('/api/v1/auth/logout', { body: {} });
    } catch {
      // Offline: the token still expires on its own; this tab forgets it now.
    }
    session.set(null);
    queryClient.clear();
    navigate('/sign-in');
  };
  const close = () => setOpen(false);
  return (
    <div className="account" ref={ref}>
      <button ref={button} type="button" className="btn btn-quiet" aria-expanded={open} aria-controls="account-panel" onClick={() => setOpen(!open)}>
        {t('account.menu')}
      </button>
      <div id="account-panel" className="account-panel" hidden={!open}>
        <p className="account-who">{t('account.signedInAs', { name: user.name })}</p>
        <ul>
          <li>
            <Link to="/account" onClick={close}>
              {t('account.profile')}
            </Link>
          </li>
          {user.cityId && (
            <li>
              <Link to="/account/people" onClick={close}>
                {t('account.people')}
              </Link>
            </li>
          )}
          <li>
            <Link to="/inbox/preferences" onClick={close}>
              {t('account.preferences')}
            </Link>
          </li>
          <li>
            <Link to="/account/password" onClick={close}>
              {t('account.password')}
            </Link>
          </li>
          <li>
            <button type="button" className="btn btn-secondary" onClick={() => void signOut()} disabled={leaving} aria-busy={leaving}>
              {t('account.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
