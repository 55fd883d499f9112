import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../ui/PageHeading';
import { DownloadButton } from './DownloadButton';

const DATASETS = ['cities', 'projects', 'practices'] as const;
const FORMATS = ['csv', 'json', 'ndjson'] as const;

/** /insight/open-data: each open-data export of the network, in each format, one button each. */
export function OpenDataPage() {
  const { t } = useTranslation('insight');
  return (
    <section className="page insight">
      <PageHeading>{t('openData.title')}</PageHeading>
      <p>{t('openData.intro')}</p>
      <ul className="item-list">
        {DATASETS.map((d) => (
          <li key={d} className="item">
            <h2 className="item-title">{t(`openData.${d}`)}</h2>
            <p className="muted">{t(`openData.${d}Hint`)}</p>
            <p className="downloads">
              {FORMATS.map((f) => (
                <DownloadButton
                  key={f}
                  path={`/api/v1/exports/${d}.${f}`}
                  filename={`${d}.${f}`}
                  label={t('openData.download', { dataset: t(`openData.${d}`), format: f.toUpperCase() })}
                />
              ))}
            </p>
          </li>
        ))}
      </ul>
      <p className="muted">{t('openData.formats')}</p>
    </section>
  );
}
