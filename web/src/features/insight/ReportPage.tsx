import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAllCities } from '../../api/cities';
import { ApiError } from '../../api/problem';
import { useSession } from '../../auth/useSession';
import { useFormat } from '../../i18n/format';
import { isLanguage } from '../../i18n/languages';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { reportPath } from './download';
import { DownloadButton } from './DownloadButton';
import { useCityReport, type CityReport } from './insight-api';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * /insight/report?city=&from=&to=: a city's activity over a period (by default the last four
 * years, the UCCN reporting cycle), its summaries in the chosen language, and downloads (CSV, a
 * printable HTML page, JSON). A city user reads its own city's; an admin chooses any city.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation('insight');
  const user = useSession()?.user;
  const isAdmin = user?.role === 'admin';
  const [params, setParams] = useSearchParams();
  const cityId = (isAdmin ? params.get('city') : user?.cityId) ?? '';
  const from = DAY.test(params.get('from') ?? '') ? params.get('from')! : undefined;
  const to = DAY.test(params.get('to') ?? '') ? params.get('to')! : undefined;
  const period = { ...(from && { from }), ...(to && { to }) };
  const lang = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const cities = useAllCities({ enabled: isAdmin });
  const report = useCityReport(cityId, period, lang);
  const [draft, setDraft] = useState({ city: cityId, from: from ?? '', to: to ?? '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (isAdmin && draft.city) next.set('city', draft.city);
    if (draft.from) next.set('from', draft.from);
    if (draft.to) next.set('to', draft.to);
    setParams(next);
  };
  return (
    <section className="page insight">
      <PageHeading>{t('report.title')}</PageHeading>
      <p>{t('report.intro')}</p>
      <form onSubmit={submit} className="form report-form" aria-label={t('report.choose')}>
        {isAdmin && (
          <p className="field">
            <label htmlFor="report-city">{t('report.city')}</label>
            <select id="report-city" value={draft.city} onChange={(e) => setDraft({ ...draft, city: e.target.value })}>
              <option value="">{cities.isPending ? t('common:ui.loading') : t('report.chooseCity')}</option>
              {[...(cities.data ?? [])]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.country})
                  </option>
                ))}
            </select>
          </p>
        )}
        <p className="field">
          <label htmlFor="report-from">{t('report.from')}</label>
          <input id="report-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </p>
        <p className="field">
          <label htmlFor="report-to">{t('report.to')}</label>
          <input id="report-to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </p>
        <Button type="submit">{t('report.show')}</Button>
      </form>
      {!cityId ? (
        <p className="notice">{isAdmin ? t('report.pickCity') : t('report.noCity')}</p>
      ) : report.isError ? (
        <p className="notice notice-error" role="alert">
          {report.error instanceof ApiError && report.error.status === 400
            ? (report.error.problem?.errors?.[0]?.message ?? report.error.message)
            : t('common:ui.loadFailed')}
        </p>
      ) : !report.data ? (
        <Loading />
      ) : (
        <ReportView report={report.data} downloads={(format) => reportPath(cityId, period, lang, format)} />
      )}
    </section>
  );
}

function ReportView({ report, downloads }: { report: CityReport; downloads: (format: 'csv' | 'html' | 'json') => string }) {
  const { t } = useTranslation('insight');
  const format = useFormat();
  const base = `report-${report.city.name}-${report.period.from}-${report.period.to}`.replace(/[^\p{L}\p{N}-]+/gu, '-');
  const section = (key: string, summary: string, items: React.ReactNode[]) => (
    <section key={key} className="report-section" aria-labelledby={`report-${key}`}>
      <h3 id={`report-${key}`}>{t(`report.sections.${key}`)}</h3>
      <p>{summary}</p>
      {items.length > 0 && <ul>{items}</ul>}
    </section>
  );
  return (
    <article className="report" aria-labelledby="report-heading">
      <h2 id="report-heading">
        {t('report.heading', { city: report.city.name, from: format.date(report.period.from), to: format.date(report.period.to) })}
      </h2>
      <p className="downloads">
        <DownloadButton path={downloads('csv')} filename={`${base}.csv`} label={t('report.download', { format: 'CSV' })} />
        <DownloadButton path={downloads('html')} filename={`${base}.html`} label={t('report.downloadPrintable')} />
        <DownloadButton path={downloads('json')} filename={`${base}.json`} label={t('report.download', { format: 'JSON' })} />
      </p>
      {section(
        'projectsLed',
        report.projectsLed.summary,
        report.projectsLed.items.map((p) => (
          <li key={p.id}>
            <Link to={`/projects/${p.id}`}>{p.title}</Link> · {t(`report.status.${p.status}`)}
          </li>
        )),
      )}
      {section(
        'projectsJoined',
        report.projectsJoined.summary,
        report.projectsJoined.items.map((p) => (
          <li key={p.id}>
            <Link to={`/projects/${p.id}`}>{p.title}</Link> · {t(`report.status.${p.status}`)}
          </li>
        )),
      )}
      {section(
        'partnerCities',
        report.partnerCities.summary,
        report.partnerCities.items.map((c) => (
          <li key={c.cityId}>{t('report.partner', { name: c.name, projects: c.projects, exchanges: c.exchanges })}</li>
        )),
      )}
      {section(
        'practicesShared',
        report.practicesShared.summary,
        report.practicesShared.items.map((p) => (
          <li key={p.id}>
            <Link to={`/practices/${p.id}`}>{p.title}</Link> · {t('report.endorsements', { count: p.endorsementCount })}
          </li>
        )),
      )}
      {section(
        'exchangesHosted',
        report.exchangesHosted.summary,
        report.exchangesHosted.items.map((e) => <li key={e.id}>{`${e.practiceTitle} · ${e.city.name}`}</li>),
      )}
      {section(
        'exchangesRequested',
        report.exchangesRequested.summary,
        report.exchangesRequested.items.map((e) => <li key={e.id}>{`${e.practiceTitle} · ${e.city.name}`}</li>),
      )}
      {section('endorsementsGiven', report.endorsementsGiven.summary, [])}
      {section('endorsementsReceived', report.endorsementsReceived.summary, [])}
      {section(
        'regionsReached',
        report.regionsReached.summary,
        report.regionsReached.items.map((r) => <li key={r.region}>{`${r.label}: ${format.number(r.cities)}`}</li>),
      )}
      {section('sdgs', report.sdgs.summary, [])}
    </article>
  );
}
