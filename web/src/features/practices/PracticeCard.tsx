import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { FieldBadge } from '../../ui/FieldBadge';
import { CityName } from './CityName';
import { LanguageBadge } from './LanguageBadge';
import type { Practice } from './practice-api';

/** One practice in the library: its title (the link), author city, field, language, summary and counts. */
export function PracticeCard({ practice }: { practice: Practice }) {
  const { t } = useTranslation('practices');
  const format = useFormat();
  return (
    <li className="item practice-card">
      <h2 className="item-title practice-card-title">
        <Link to={`/practices/${encodeURIComponent(practice.id)}`}>{practice.title}</Link>
      </h2>
      <p className="item-meta">
        <span>
          <CityName id={practice.authorCityId} />
        </span>
        <FieldBadge field={practice.field} />
        <LanguageBadge language={practice.language} />
        {practice.status === 'hidden' && <span className="status-badge status-hidden">{t('hidden')}</span>}
      </p>
      <p>{practice.summary}</p>
      <p className="item-meta">
        <span>{t('counts.endorsements', { count: practice.endorsementCount, formatted: format.number(practice.endorsementCount) })}</span>
        <span>{t('counts.comments', { count: practice.commentCount, formatted: format.number(practice.commentCount) })}</span>
        <span>{t('sharedOn', { date: format.date(practice.createdAt) })}</span>
      </p>
    </li>
  );
}
