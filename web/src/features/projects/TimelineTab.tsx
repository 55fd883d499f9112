import { useTranslation } from 'react-i18next';
import type { WatchState } from '../../live/watch-reducer';
import { Loading } from '../../ui/Loading';
import { RelativeTime } from '../../ui/RelativeTime';
import { useCityName } from './project-queries';
import { timelineText } from './timeline-text';

/**
 * Everything that happened to the project, newest first, live: the page's `useWatch` replays the
 * history in pages and resumes from the last seq after a reconnect, so nothing is missed.
 */
export function TimelineTab({ watch }: { watch: WatchState }) {
  const { t } = useTranslation('projects');
  const cityName = useCityName();
  const events = [...watch.events].reverse();
  return (
    <div>
      <p className="muted timeline-status">
        {watch.status === 'live' && t('timeline.live')}
        {(watch.status === 'connecting' || watch.status === 'replaying') && t('timeline.catchingUp')}
        {watch.status === 'forbidden' && t('timeline.forbidden')}
        {watch.status === 'error' && t('timeline.error')}
      </p>
      {watch.status === 'replaying' && events.length === 0 && <Loading />}
      {events.length === 0 && watch.status === 'live' && <p className="empty">{t('timeline.empty')}</p>}
      <ol className="item-list timeline">
        {events.map((event) => {
          const entry = timelineText(event, cityName);
          return (
            <li key={event.seq} className="item">
              <p>{t(`timeline.${entry.key}`, entry.values)}</p>
              {entry.key === 'ProjectUpdatePosted' && entry.values.text && <p className="update-text">{entry.values.text}</p>}
              <p className="item-meta">
                <RelativeTime iso={event.at} />
              </p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
