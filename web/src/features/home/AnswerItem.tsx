import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { RelativeTime } from '../../ui/RelativeTime';
import type { Answer } from './home-answers';
import type { Reply } from './useAnswer';

export interface AnswerItemProps {
  answer: Answer;
  /** "Bilbao, Guitars of two cities": names the item in the buttons, so each is told apart. */
  subject: string;
  cityName: (id: string) => string;
  pendingKey: string | null;
  onReply: (reply: Reply) => void;
}

/** One item waiting for the city: what it is, who asks, their message, and the two answers inline. */
export function AnswerItem({ answer, subject, cityName, pendingKey, onReply }: AnswerItemProps) {
  const { t } = useTranslation('home');
  const format = useFormat();
  const [yes, no] = answer.kind === 'joinRequest' ? ['approve', 'reject'] : ['accept', 'decline'];
  const busy = (reply: Reply) => pendingKey === `${answer.key}:${reply}`;
  const link = answer.kind === 'hostRequest' ? `/exchanges/${answer.exchange.id}` : `/projects/${answer.project.id}`;
  const title = answer.kind === 'hostRequest' ? answer.exchange.practiceTitle : answer.project.title;
  const message = answer.kind === 'hostRequest' ? answer.exchange.message : answer.message;
  let what: string;
  if (answer.kind === 'invitation') what = t('what.invitation', { city: cityName(answer.project.leadCityId) });
  else if (answer.kind === 'joinRequest') what = t('what.joinRequest', { city: cityName(answer.cityId) });
  else {
    const { exchange } = answer;
    const dates = exchange.proposedDates
      ? t('dates', { from: format.date(exchange.proposedDates.from), to: format.date(exchange.proposedDates.to) })
      : t('noDates');
    what = t('what.hostRequest', { city: cityName(exchange.requesterCityId), format: t(`format.${exchange.format}`), dates });
  }
  return (
    <li className="item">
      <p className="item-title">
        <Link to={link}>{title}</Link>
      </p>
      <p>{what}</p>
      {message && <blockquote className="home-quote">{message}</blockquote>}
      <div className="item-meta">
        <RelativeTime iso={answer.since} />
        <Button busy={busy('accept')} onClick={() => onReply('accept')} aria-label={t('named', { action: t(`reply.${yes}`), subject })}>
          {t(`reply.${yes}`)}
        </Button>
        <Button
          variant="secondary"
          busy={busy('decline')}
          onClick={() => onReply('decline')}
          aria-label={t('named', { action: t(`reply.${no}`), subject })}
        >
          {t(`reply.${no}`)}
        </Button>
      </div>
    </li>
  );
}
