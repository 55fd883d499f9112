import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCityNames } from '../../../api/cities';
import { ApiError } from '../../../api/problem';
import { useSession } from '../../../auth/useSession';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { Loading } from '../../../ui/Loading';
import { Pager } from '../../../ui/Pager';
import './people.css';
import { useSetDisabled, useUsers, USERS_PAGE_SIZE, type User } from './users-api';

/**
 * The users the API shows this person (all for an admin, its city's for a city user), paged by
 * ?page=. An admin may disable (after a confirmation naming the consequence) and enable again.
 */
export function UserList({ canDisable }: { canDisable: boolean }) {
  const { t } = useTranslation('account');
  const me = useSession()?.user;
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const users = useUsers(page);
  const cityName = useCityNames();
  const setDisabled = useSetDisabled();
  const [confirming, setConfirming] = useState<User | null>(null);
  const [said, setSaid] = useState<{ text: string; error?: boolean } | null>(null);

  const apply = (user: User, disabled: boolean) =>
    setDisabled.mutate(
      { user, disabled },
      {
        onSuccess: (saved) => {
          setConfirming(null);
          setSaid({ text: t(saved.disabled ? 'users.disabledSaid' : 'users.enabledSaid', { name: saved.name }) });
        },
        onError: (error) => {
          setConfirming(null);
          setSaid({
            text: error instanceof ApiError && error.status === 409 ? t('users.conflict', { name: user.name }) : t('common:ui.loadFailed'),
            error: true,
          });
        },
      },
    );

  if (!users.data) return users.isError ? <p className="notice notice-error">{t('common:ui.loadFailed')}</p> : <Loading />;
  const pages = Math.max(1, Math.ceil(users.data.total / USERS_PAGE_SIZE));
  return (
    <>
      <p role="status" className={said ? (said.error ? 'notice notice-error' : 'notice') : 'visually-hidden'}>
        {said?.text}
      </p>
      <p className="muted">{t('users.count', { count: users.data.total })}</p>
      <ul className="item-list" aria-label={t('users.listLabel')}>
        {users.data.items.map((u) => (
          <li key={u.id} className="item user-item">
            <p className="item-title user-title">
              <span>{u.name}</span> {u.disabled && <span className="user-disabled">{t('users.disabled')}</span>}
            </p>
            <p className="muted">
              {u.email} · {u.role === 'admin' ? t('roles.admin') : t('users.ofCity', { city: u.cityId ? cityName(u.cityId) : '' })} ·{' '}
              {t(`common:language.${u.language}`)}
            </p>
            {canDisable && u.id !== me?.id && (
              <p>
                {u.disabled ? (
                  <Button variant="secondary" busy={setDisabled.isPending && setDisabled.variables?.user.id === u.id} onClick={() => apply(u, false)}>
                    {t('users.enable', { name: u.name })}
                  </Button>
                ) : (
                  <Button variant="secondary" onClick={() => setConfirming(u)}>
                    {t('users.disable', { name: u.name })}
                  </Button>
                )}
              </p>
            )}
          </li>
        ))}
      </ul>
      <Pager page={page} pages={pages} hrefOf={(p) => `?page=${p}`} label={t('users.pages')} />
      <Dialog
        open={!!confirming}
        title={t('users.confirmTitle', { name: confirming?.name ?? '' })}
        onClose={() => setConfirming(null)}
        actions={
          <>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              {t('common:ui.cancel')}
            </Button>
            <Button variant="danger" busy={setDisabled.isPending} onClick={() => confirming && apply(confirming, true)}>
              {t('users.confirmDisable')}
            </Button>
          </>
        }
      >
        <p>{t('users.consequence', { name: confirming?.name ?? '' })}</p>
      </Dialog>
    </>
  );
}
