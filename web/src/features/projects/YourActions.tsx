import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { ActionDialog } from './ActionDialog';
import { ActionFeedbackNotice } from './ActionFeedbackNotice';
import type { AnyAction } from './project-action-request';
import { CONFIRMED, type Project, type ViewerRights } from './project-rights';
import { useCityName } from './project-queries';
import type { useProjectAction } from './useProjectAction';

const ASKED = new Set<AnyAction>([...CONFIRMED, 'askToJoin']);

/**
 * The actions this user may take for their city (answer an invitation, ask to join, withdraw) or
 * as the lead (start, complete, cancel). Nothing is shown when there is nothing to do.
 */
export function YourActions({
  project,
  rights,
  ownCityId,
  actions,
}: {
  project: Project;
  rights: ViewerRights;
  ownCityId: string | null;
  actions: ReturnType<typeof useProjectAction>;
}) {
  const { t } = useTranslation('projects');
  const cityName = useCityName();
  const [asking, setAsking] = useState<AnyAction | null>(null);
  const own = ownCityId ? project.partners.find((p) => p.cityId === ownCityId) : undefined;
  const city = cityName(ownCityId ?? '');
  const cityIdFor = (action: AnyAction) => (action === 'accept' || action === 'decline' ? (ownCityId ?? undefined) : undefined);

  const run = async (action: AnyAction, text?: string) => {
    // Done or not, the dialog closes: the notice below says what happened.
    await actions.run({ action, cityId: cityIdFor(action), text });
    setAsking(null);
  };

  return (
    <section aria-labelledby="your-actions" className="panel your-actions">
      <h2 id="your-actions">{t('actions.heading')}</h2>
      {own?.status === 'invited' && <p>{t('actions.invited', { lead: cityName(project.leadCityId), city })}</p>}
      {own?.status === 'requested' && <p>{t('actions.requested', { lead: cityName(project.leadCityId) })}</p>}
      {project.status === 'proposed' && rights.actsAsLead && !rights.project.includes('start') && (
        <p className="muted">{t('actions.startNeedsPartner')}</p>
      )}
      {rights.project.length === 0 && !own && <p className="muted">{t('actions.nothing')}</p>}
      {rights.project.length > 0 && (
        <div className="action-buttons">
          {rights.project.map((action) => (
            <Button
              key={action}
              variant={
                action === 'cancel' || action === 'withdraw' || action === 'decline'
                  ? 'danger'
                  : action === 'accept' || action === 'start'
                    ? 'primary'
                    : 'secondary'
              }
              busy={actions.pending?.action === action}
              onClick={() => (ASKED.has(action) ? setAsking(action) : void run(action))}
            >
              {t(`action.${action}`)}
            </Button>
          ))}
        </div>
      )}
      <ActionFeedbackNotice feedback={actions.feedback} />
      <ActionDialog
        key={asking ?? 'none'}
        action={asking}
        city={city}
        busy={!!actions.pending}
        onClose={() => setAsking(null)}
        onConfirm={(text) => void run(asking!, text)}
      />
    </section>
  );
}
