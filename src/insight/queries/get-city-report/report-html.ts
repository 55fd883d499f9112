import { fieldLabel, regionLabel, type Lang } from '../../../shared/reference-data';
import type { CityReport, ReportExchange, ReportProject } from '../../domain/city-report';
import { REPORT_HEADINGS, type SectionName } from '../../domain/report-texts';

/** Every text from the data goes through here: a title may hold `<script>`. */
const esc = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const COLUMNS: Record<Lang, Record<string, string>> = {
  en: {
    title: 'Title',
    status: 'Status',
    partners: 'Partners',
    date: 'Date',
    city: 'City',
    region: 'Region',
    format: 'Format',
    rating: 'Rating',
    sdgs: 'SDGs',
    projects: 'Projects',
    exchanges: 'Exchanges',
    endorsements: 'Endorsements',
    cities: 'Cities',
    sdg: 'SDG',
    practices: 'Practices',
  },
  es: {
    title: 'Título',
    status: 'Estado',
    partners: 'Socios',
    date: 'Fecha',
    city: 'Ciudad',
    region: 'Región',
    format: 'Formato',
    rating: 'Valoración',
    sdgs: 'ODS',
    projects: 'Proyectos',
    exchanges: 'Intercambios',
    endorsements: 'Respaldos',
    cities: 'Ciudades',
    sdg: 'ODS',
    practices: 'Prácticas',
  },
  fr: {
    title: 'Titre',
    status: 'Statut',
    partners: 'Partenaires',
    date: 'Date',
    city: 'Ville',
    region: 'Région',
    format: 'Format',
    rating: 'Note',
    sdgs: 'ODD',
    projects: 'Projets',
    exchanges: 'Échanges',
    endorsements: 'Soutiens',
    cities: 'Villes',
    sdg: 'ODD',
    practices: 'Pratiques',
  },
};

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin:1.6rem 0 .3rem;border-bottom:1px solid #999}
.period{color:#444;margin-top:0}.summary{margin:.3rem 0 .6rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#eee}
@page{size:A4;margin:18mm 15mm}
@media print{body{margin:0;max-width:none;font-size:10.5pt;color:#000}h2{break-after:avoid}tr,.summary{break-inside:avoid}thead{display:table-header-group}th{background:none}}
`;

/** The report as a printable page (print it to PDF from the browser): one section per heading, tables for the lines. */
export function reportHtml(report: CityReport): string {
  const lang = report.lang;
  const h = REPORT_HEADINGS[lang];
  const c = COLUMNS[lang];
  const table = (headers: string[], rows: unknown[][]) =>
    rows.length === 0
      ? ''
      : `<table><thead><tr>${headers.map((x) => `<th scope="col">${esc(x)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((v) => `<td>${esc(v)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
  const day = (iso: string) => iso.slice(0, 10);
  const section = (name: SectionName, summary: string, body: string) =>
    `<section aria-labelledby="${name}"><h2 id="${name}">${esc(h[name])}</h2><p class="summary">${esc(summary)}</p>${body}</section>`;
  const projects = (items: ReportProject[]) =>
    table(
      [c.title, c.status, c.partners, c.date, c.sdgs],
      items.map((p) => [p.title, p.status, p.partners.map((x) => x.name).join(', '), day(p.proposedAt), p.sdgs.join(', ')]),
    );
  const exchanges = (items: ReportExchange[]) =>
    table(
      [c.title, c.city, c.format, c.status, c.date, c.rating],
      items.map((x) => [x.practiceTitle, x.city.name, x.format, x.status, day(x.requestedAt), x.rating ?? '']),
    );
  const endorsements = (items: CityReport['endorsementsGiven']['items']) =>
    table(
      [c.title, c.city, c.date],
      items.map((e) => [e.practiceTitle, e.city.name, day(e.at)]),
    );

  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${h.title} — ${report.city.name}`)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${esc(`${h.title} — ${report.city.name}`)}</h1>
<p class="period">${esc(`${fieldLabel(report.city.field, lang)} · ${regionLabel(report.city.region, lang)} · ${h.period}: ${report.period.from} – ${report.period.to}`)}</p>
${section('projectsLed', report.projectsLed.summary, projects(report.projectsLed.items))}
${section('projectsJoined', report.projectsJoined.summary, projects(report.projectsJoined.items))}
${section(
  'practicesShared',
  report.practicesShared.summary,
  table(
    [c.title, c.date, c.sdgs, c.endorsements],
    report.practicesShared.items.map((p) => [p.title, day(p.sharedAt), p.sdgs.join(', '), p.endorsementCount]),
  ),
)}
${section('endorsementsGiven', report.endorsementsGiven.summary, endorsements(report.endorsementsGiven.items))}
${section('endorsementsReceived', report.endorsementsReceived.summary, endorsements(report.endorsementsReceived.items))}
${section('exchangesHosted', report.exchangesHosted.summary, exchanges(report.exchangesHosted.items))}
${section('exchangesRequested', report.exchangesRequested.summary, exchanges(report.exchangesRequested.items))}
${section(
  'partnerCities',
  report.partnerCities.summary,
  table(
    [c.city, c.region, c.projects, c.exchanges],
    report.partnerCities.items.map((p) => [p.name, p.region ? regionLabel(p.region, lang) : '', p.projects, p.exchanges]),
  ),
)}
${section(
  'regionsReached',
  report.regionsReached.summary,
  table(
    [c.region, c.cities],
    report.regionsReached.items.map((r) => [r.label, r.cities]),
  ),
)}
${section(
  'sdgs',
  report.sdgs.summary,
  table(
    [c.sdg, c.projects, c.practices],
    report.sdgs.items.map((s) => [`${s.sdg}. ${s.label}`, s.projects, s.practices]),
  ),
)}
</main></body></html>
`;
}
