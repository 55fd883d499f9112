import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { CREATIVE_FIELDS } from '../../ui/FieldBadge';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { BarChart } from './BarChart';
import { barRows, monthLabel, monthSeries, percent } from './chart-data';
import { REGIONS, useStats, type Stats } from './insight-api';

const KINDS = ['projects', 'practices', 'exchanges', 'cities'] as const;
type Kind = (typeof KINDS)[number];

/** /insight: the network in numbers (totals, the geographic balance) and one kind's counts by field, region, SDG and month. */
export function OverviewPage() {
  const { t } = useTranslation('insight');
  const format = useFormat();
  const stats = useStats();
  const [kind, setKind] = useState<Kind>('projects');
  if (!stats.data)
    return (
      <section className="page">
        <PageHeading>{t('title')}</PageHeading>
        {stats.isError ? <p className="notice notice-error">{t('common:ui.loadFailed')}</p> : <Loading />}
      </section>
    );
  const data: Stats = stats.data;
  const counts = data[kind];
  const byField = new Map(counts.byField.map((f) => [f.field, f.count]));
  const byRegion = new Map(counts.byRegion.map((r) => [r.region, r.count]));
  const bySdg = new Map(counts.bySdg.map((s) => [s.sdg, s.count]));
  const balance = data.balance;
  return (
    <section className="page insight">
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <h2>{t('totals.title')}</h2>
      <ul className="totals" aria-label={t('totals.title')}>
        {KINDS.map((k) => (
          <li key={k} className="total">
            <span className="total-number">{format.number(data[k].total)}</span>{' '}
            <span className="total-label">{t(`totals.${k}`, { count: data[k].total })}</span>
          </li>
        ))}
      </ul>
      <h2>{t('balance.title')}</h2>
      <p>
        {balance.collaborations === 0
          ? t('balance.none')
          : t('balance.summary', { cross: format.number(balance.crossRegion), count: balance.collaborations, share: percent(balance.share) })}
      </p>
      <h2 id="breakdown">{t('breakdown.title')}</h2>
      <fieldset className="choice-group kind-choice">
        <legend>{t('breakdown.kind')}</legend>
        {KINDS.map((k) => (
          <span key={k} className="choice-inline">
            <input type="radio" id={`kind-${k}`} name="kind" checked={kind === k} onChange={() => setKind(k)} />
            <label htmlFor={`kind-${k}`}>{t(`kinds.${k}`)}</label>
          </span>
        ))}
      </fieldset>
      <div className="charts">
        <BarChart
          title={t('charts.byField', { kind: t(`kinds.${kind}`) })}
          columnLabel={t('columns.field')}
          empty={t('charts.empty')}
          rows={barRows(
            [...CREATIVE_FIELDS],
            (f) => f,
            (f) => t(`common:fields.${f}`),
            (f) => byField.get(f) ?? 0,
          )}
        />
        <BarChart
          title={t('charts.byRegion', { kind: t(`kinds.${kind}`) })}
          columnLabel={t('columns.region')}
          empty={t('charts.empty')}
          rows={barRows(
            REGIONS,
            (r) => r,
            (r) => t(`regions.${r}`),
            (r) => byRegion.get(r) ?? 0,
          )}
        />
        {kind !== 'cities' && (
          <BarChart
            title={t('charts.bySdg', { kind: t(`kinds.${kind}`) })}
            columnLabel={t('columns.sdg')}
            empty={t('charts.empty')}
            rows={barRows(
              [...bySdg.keys()].sort((a, b) => a - b),
              (s) => String(s),
              (s) => `${s}. ${t(`common:sdg.${s}`)}`,
              (s) => bySdg.get(s) ?? 0,
            )}
          />
        )}
        <BarChart
          title={t('charts.byMonth', { kind: t(`kinds.${kind}`) })}
          columnLabel={t('columns.month')}
          empty={t('charts.empty')}
          rows={barRows(
            monthSeries(counts.byMonth),
            (m) => m.month,
            (m) => monthLabel(m.month, format.language),
            (m) => m.count,
          )}
        />
      </div>
    </section>
  );
}
