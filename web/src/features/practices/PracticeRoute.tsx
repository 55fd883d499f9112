import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/useSession';
import { useFormat } from '../../i18n/format';
import { useWatch } from '../../live/useWatch';
import { Button } from '../../ui/Button';
import { FieldBadge } from '../../ui/FieldBadge';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { AskExchangeDialog } from './AskExchangeDialog';
import { CityName } from './CityName';
import { Comments } from './Comments';
import { EndorseButton } from './EndorseButton';
import { LanguageBadge } from './LanguageBadge';
import { CHANGES_PRACTICE, endorsesNow } from './practice-activity';
import { commentsKey, practiceKey, useCityName, useMeta, usePractice, useSdgName, type Practice } from './practice-api';
import { PracticeBody } from './PracticeBody';
import { PracticeLoadError } from './PracticeLoadError';
import { ReportDialog } from './ReportDialog';

/** /practices/:id: the practice, what the user may do with it, and its comments, live. */
export function PracticeRoute() {
  const { id } = useParams();
  const practice = usePractice(id);
  if (practice.isPending) return <Loading />;
  if (practice.isError) return <PracticeLoadError error={practice.error} onRetry={() => void practice.refetch()} />;
  return <PracticePage practice={practice.data} />;
}

function PracticePage({ practice }: { practice: Practice }) {
  const { t } = useTranslation('practices');
  const format = useFormat();
  const meta = useMeta();
  const sdgName = useSdgName();
  const user = useSession()?.user;
  const queryClient = useQueryClient();
  const authorName = useCityName(practice.authorCityId) ?? t('aCity');
  const [asking, setAsking] = useState(false);
  const [reporting, setReporting] = useState(false);
  // The whole history (paged by the foundation), then each new event: comments, endorsements, edits.
  const watch = useWatch('practice', practice.id);

  // A live event after the replay: read the practice (counts, text) and its comments again.
  const liveMark = watch.replayed ? watch.highest : null;
  useEffect(() => {
    if (liveMark === null) return;
    const latest = watch.events[watch.events.length - 1];
    if (latest && CHANGES_PRACTICE.has(latest.type)) void queryClient.invalidateQueries({ queryKey: practiceKey(practice.id) });
    if (latest?.type === 'PracticeCommented') void queryClient.invalidateQueries({ queryKey: commentsKey(practice.id) });
    // Runs on each new highest seq only (the events array itself changes on every replay page).
  }, [liveMark]);

  const ownCity = !!user?.cityId && user.cityId === practice.authorCityId;
  const otherCity = !!user?.cityId && !ownCity;
  const mayEdit = ownCity || user?.role === 'admin';
  const hidden = practice.status === 'hidden';

  return (
    <article className="page practice-page">
      <p className="breadcrumb">
        <Link to="/practices">{t('backToLibrary')}</Link>
      </p>
      <PageHeading>{practice.title}</PageHeading>
      <p className="item-meta practice-meta">
        <span>
          {t('by')} <CityName id={practice.authorCityId} />
        </span>
        <FieldBadge field={practice.field} />
        <LanguageBadge language={practice.language} />
        <span>{t('sharedOn', { date: format.date(practice.createdAt) })}</span>
      </p>
      {hidden && (
        <p className="notice notice-error">
          {t('hiddenNotice')} {practice.hiddenReason && t('hiddenReason', { reason: practice.hiddenReason })}
        </p>
      )}
      <p className="practice-summary">{practice.summary}</p>

      <div className="practice-actions">
        <EndorseButton
          practice={practice}
          cityId={otherCity && !hidden ? user!.cityId : null}
          endorses={watch.replayed ? endorsesNow(watch.events, user?.cityId) : null}
        />
        {otherCity && !hidden && <Button onClick={() => setAsking(true)}>{t('ask.open')}</Button>}
        {mayEdit && (
          <Link className="btn btn-secondary" to={`/practices/${encodeURIComponent(practice.id)}/edit`}>
            {t('edit.link')}
          </Link>
        )}
        {user && !ownCity && !hidden && (
          <Button variant="quiet" onClick={() => setReporting(true)}>
            {t('report.practice')}
          </Button>
        )}
      </div>

      <PracticeBody markdown={practice.body} />

      {practice.outcomes && (
        <section className="panel" aria-labelledby="outcomes-heading">
          <h2 id="outcomes-heading">{t('outcomes')}</h2>
          <p className="pre-line">{practice.outcomes}</p>
        </section>
      )}
      {practice.links.length > 0 && (
        <section className="panel" aria-labelledby="links-heading">
          <h2 id="links-heading">{t('links')}</h2>
          <ul>
            {practice.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="noopener noreferrer nofollow" target="_blank">
                  {link.title}
                  <span className="visually-hidden"> ({t('opensElsewhere')})</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel" aria-labelledby="about-heading">
        <h2 id="about-heading">{t('about')}</h2>
        <dl className="facts">
          <dt>{t('form.sdgs')}</dt>
          <dd>{practice.sdgs.map(sdgName).join(' · ')}</dd>
          {practice.actionArea && (
            <>
              <dt>{t('form.actionArea')}</dt>
              <dd>{meta.data?.actionAreas.find((a) => a.id === practice.actionArea)?.label ?? practice.actionArea}</dd>
            </>
          )}
          {practice.tags.length > 0 && (
            <>
              <dt>{t('form.tags')}</dt>
              <dd>
                {practice.tags.map((tag, i) => (
                  <span key={tag}>
                    {i > 0 && ', '}
                    <Link to={`/practices?q=${encodeURIComponent(tag)}`}>{tag}</Link>
                  </span>
                ))}
              </dd>
            </>
          )}
          <dt>{t('exchangesAsked')}</dt>
          <dd>{format.number(practice.exchangeCount)}</dd>
        </dl>
      </section>

      <Comments practice={practice} events={watch.events} canComment={!!user && !hidden} />

      {otherCity && <AskExchangeDialog practice={practice} authorName={authorName} open={asking} onClose={() => setAsking(false)} />}
      <ReportDialog target={reporting ? { kind: 'practice', id: practice.id } : null} onClose={() => setReporting(false)} />
    </article>
  );
}
