import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { NotFound } from '../../shell/NotFound';
import '../cities/cities.css';
import './insight.css';
import { NetworkPage } from './NetworkPage';
import { OpenDataPage } from './OpenDataPage';
import { OverviewPage } from './OverviewPage';
import { ReportPage } from './ReportPage';

const SECTIONS = [
  ['', 'overview'],
  ['network', 'network'],
  ['report', 'report'],
  ['open-data', 'openData'],
] as const;

/** The insight section, mounted at /insight/* (its own lazy chunk, with the map's and the charts' code). */
export default function InsightRoutes() {
  const { t } = useTranslation('insight');
  return (
    <div className="insight-section">
      <nav className="section-nav" aria-label={t('nav.label')}>
        <ul>
          {SECTIONS.map(([path, key]) => (
            <li key={key}>
              <NavLink to={path ? `/insight/${path}` : '/insight'} end>
                {t(`nav.${key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<OverviewPage />} />
        <Route path="network" element={<NetworkPage />} />
        <Route path="report" element={<ReportPage />} />
        <Route path="open-data" element={<OpenDataPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </div>
  );
}
