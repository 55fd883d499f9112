import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCityNames } from '../../api/cities';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { focusLost } from '../../ui/focus-return';
import { Loading } from '../../ui/Loading';
import { AnswerItem } from './AnswerItem';
import { pendingAnswers, type Answer } from './home-answers';
import { useHomeProjects, useHostRequests, useLiveAnswers } from './home-queries';
import { useAnswer, type AnswerInput } from './useAnswer';

/**
 * "Needs your answer": invitations, join requests to the projects the city leads and exchange
 * requests it hosts, each answered in place. Declining or rejecting asks first (it cannot be undone).
 */
export function NeedsYourAnswer({ cityId }: { cityId: string }) {
  const { t } = useTranslation('home');
  const headingId = useId();
  const projects = useHomeProjects(cityId);
  const exchanges = useHostRequests();
  useLiveAnswers();
  const cityName = useCityNames();
  const subject = (a: Answer) =>
    a.kind === 'invitation'
      ? a.project.title
      : a.kind === 'joinRequest'
        ? `${cityName(a.cityId)}, ${a.project.title}`
        : `${cityName(a.exchange.requesterCityId)}, ${a.exchange.practiceTitle}`;
  const { answer, pendingKey, feedback } = useAnswer(cityId, subject);
  const [confirming, setConfirming] = useState<AnswerInput | null>(null);
  const notice = useRef<HTMLParagraphElement>(null);
  // An answered item leaves the list with the button that had focus: give focus to what happened.
  useEffect(() => {
    if (feedback && focusLost(document)) notice.current?.focus();
  }, [feedback]);

  const reply = (input: AnswerInput) => (input.reply === 'decline' ? setConfirming(input) : void answer(input));
  const failed = projects.isError || exchanges.isError;
  const answers = projects.data && exchanges.data ? pendingAnswers(projects.data.items, exchanges.data.items, cityId) : null;
  const confirmKind = confirming?.answer.kind;

  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t('needsAnswer')}</h2>
      <div role="status">
        {feedback && (
          <p ref={notice} tabIndex={-1} className={feedback.kind === 'done' ? 'notice' : 'notice notice-error'}>
            {feedback.message}
          </p>
        )}
      </div>
      {!answers && !failed && <Loading />}
      {failed && (
        <p className="notice notice-error">
          {t('common:ui.loadFailed')}{' '}
          <Button variant="secondary" onClick={() => void Promise.all([projects.refetch(), exchanges.refetch()])}>
            {t('common:ui.retry')}
          </Button>
        </p>
      )}
      {answers?.length === 0 && <p className="empty">{t('empty')}</p>}
      {answers && answers.length > 0 && (
        <ul className="item-list">
          {answers.map((a) => (
            <AnswerItem
              key={a.key}
              answer={a}
              subject={subject(a)}
              cityName={cityName}
              pendingKey={pendingKey}
              onReply={(r) => reply({ answer: a, reply: r })}
            />
          ))}
        </ul>
      )}
      <Dialog
        open={!!confirming}
        title={confirming ? t(`confirm.${confirmKind}.title`, { subject: subject(confirming.answer) }) : ''}
        onClose={() => setConfirming(null)}
        returnFocus={() => notice.current}
        actions={
          <>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              {t('confirm.back')}
            </Button>
            <Button
              variant="danger"
              busy={!!confirming && pendingKey === `${confirming.answer.key}:decline`}
              onClick={() => confirming && void answer(confirming).then(() => setConfirming(null))}
            >
              {t(`confirm.${confirmKind}.action`)}
            </Button>
          </>
        }
      >
        <p>{t(`confirm.${confirmKind}.consequence`)}</p>
      </Dialog>
    </section>
  );
}
