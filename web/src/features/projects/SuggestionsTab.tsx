import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { FieldBadge } from '../../ui/FieldBadge';
import { Loading } from '../../ui/Loading';
import { ActionFeedbackNotice } from './ActionFeedbackNotice';
import type { Project } from './project-rights';
import { useSuggestions } from './project-queries';
import { useProjectAction } from './useProjectAction';

/**
 * For the lead: the cities the API suggests as partners, best first, each with its reasons and a
 * one-click Invite. A city invited from here stays listed, marked invited (the project is reloaded,
 * the list is not, so it does not jump under the pointer).
 */
export function SuggestionsTab({ project, canInvite }: { project: Project; canInvite: boolean }) {
  const { t } = useTranslation('projects');
  const suggestions = useSuggestions(project.id, true);
  const actions = useProjectAction(project.id);
  // Only an open relation replaces the button: a city that declined may be invited again.
  const statusOf = (cityId: string) =>
    project.partners.find((p) => p.cityId === cityId && ['invited', 'requested', 'accepted'].includes(p.status))?.status;

  if (suggestions.isPending) return <Loading />;
  if (suggestions.isError) return <p className="notice notice-error">{t('common:ui.loadFailed')}</p>;
  return (
    <div>
      <p className="muted">{t('suggestions.intro')}</p>
      <ActionFeedbackNotice feedback={actions.feedback} />
      {suggestions.data.length === 0 && <p className="empty">{t('suggestions.empty')}</p>}
      <ul className="item-list suggestions">
        {suggestions.data.map(({ city, reasons }) => {
          const status = statusOf(city.id);
          return (
            <li key={city.id} className="item suggestion">
              <div>
                <p className="item-title">{city.name}</p>
                <p className="item-meta">
                  <FieldBadge field={city.field} />
                  <span>{city.country}</span>
                </p>
                <ul className="reasons" aria-label={t('suggestions.reasons', { city: city.name })}>
                  {reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </div>
              {status ? (
                <p className="suggestion-state">{t(`partnerStatus.${status}`)}</p>
              ) : (
                canInvite && (
                  <Button busy={actions.pending?.cityId === city.id} onClick={() => void actions.run({ action: 'invite', cityId: city.id })}>
                    {t('suggestions.invite')}
                    <span className="visually-hidden"> {city.name}</span>
                  </Button>
                )
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
