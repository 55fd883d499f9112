import { useTranslation } from 'react-i18next';

/** The SDGs as numbered tiles, each with its name written out (the number alone says little). */
export function SdgList({ sdgs }: { sdgs: number[] }) {
  const { t } = useTranslation('projects');
  return (
    <ul className="sdg-list">
      {sdgs.map((n) => (
        <li key={n} className="sdg">
          <span className={`sdg-number sdg-${n}`} aria-hidden="true">
            {n}
          </span>
          <span>
            <span className="visually-hidden">{t('sdgNumber', { n })}: </span>
            {t(`sdg.${n}`)}
          </span>
        </li>
      ))}
    </ul>
  );
}
