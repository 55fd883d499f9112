import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../ui/Button';
import { RelativeTime } from '../../ui/RelativeTime';
import { ActionDialog } from './ActionDialog';
import type { AnyAction } from './project-action-request';
import { CONFIRMED, type Partner, type PartnerAction, type Project, type ViewerRights } from './project-rights';
import { useCityName } from './project-queries';
import { PartnerStatusBadge } from './StatusBadge';
import type { useProjectAction } from './useProjectAction';

/** The lead and the partner cities with their status, and the answers this user may give for each. */
export function PartnerList({ project, rights, actions }: { project: Project; rights: ViewerRights; actions: ReturnType<typeof useProjectAction> }) {
  const { t } = useTranslation('projects');
  const cityName = useCityName();
  const [asking, setAsking] = useState<{ action: AnyAction; partner: Partner } | null>(null);
  const run = async (action: PartnerAction, partner: Partner, text?: string) => {
    await actions.run({ action, cityId: partner.cityId, text });
    setAsking(null);
  };

  return (
    <section aria-labelledby="partners" className="panel">
      <h2 id="partners">{t('partners.heading')}</h2>
      <ul className="item-list partner-list">
        <li className="item">
          <p className="item-title">
            <Link to={`/cities/${project.leadCityId}`}>{cityName(project.leadCityId)}</Link>{' '}
            <span className="partner-status partner-status-lead">{t('partners.lead')}</span>
          </p>
        </li>
        {project.partners.map((partner) => {
          const name = cityName(partner.cityId);
          const partnerActions = rights.partner(partner);
          return (
            <li key={partner.cityId} className="item">
              <p className="item-title">
                <Link to={`/cities/${partner.cityId}`}>{name}</Link> <PartnerStatusBadge status={partner.status} />
              </p>
              <p className="item-meta">
                <span>
                  {t('partners.since')} <RelativeTime iso={partner.since} />
                </span>
              </p>
              {partner.message && <p className="partner-message">“{partner.message}”</p>}
              {partnerActions.length > 0 && (
                <p className="action-buttons">
                  {partnerActions.map((action) => (
                    <Button
                      key={action}
                      variant={CONFIRMED.has(action) ? 'danger' : 'secondary'}
                      busy={actions.pending?.action === action && actions.pending.cityId === partner.cityId}
                      onClick={() => (CONFIRMED.has(action) ? setAsking({ action, partner }) : void run(action, partner))}
                    >
                      {t(`partnerAction.${action}`, { city: name })}
                    </Button>
                  ))}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {project.partners.length === 0 && <p className="empty">{rights.canInvite ? t('partners.noneLead') : t('partners.none')}</p>}
      <ActionDialog
        key={asking ? `${asking.action}-${asking.partner.cityId}` : 'none'}
        action={asking?.action ?? null}
        city={asking ? cityName(asking.partner.cityId) : ''}
        busy={!!actions.pending}
        onClose={() => setAsking(null)}
        onConfirm={(text) => asking && void run(asking.action as PartnerAction, asking.partner, text)}
      />
    </section>
  );
}
