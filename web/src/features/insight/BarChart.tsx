import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { BarRow } from './chart-data';

/**
 * Horizontal bars, each with its name and its number written beside it (never colour alone; one
 * colour anyway). The drawing is hidden from screen readers, which read the table instead; the
 * table can be shown on screen too.
 */
export function BarChart({ title, rows, columnLabel, empty }: { title: string; rows: BarRow[]; columnLabel: string; empty: string }) {
  const { t } = useTranslation('insight');
  const format = useFormat();
  const [asTable, setAsTable] = useState(false);
  const tableId = useId();
  const headingId = useId();
  const hasData = rows.some((r) => r.count > 0);
  return (
    <section className="chart" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {!hasData ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          {!asTable && (
            <ol className="bars" aria-hidden="true">
              {rows.map((r) => (
                <li key={r.key} className="bar-row">
                  <span className="bar-label">{r.label}</span>
                  <span className="bar-track">
                    <span className="bar" style={{ width: `${Math.max(r.share * 100, r.count > 0 ? 1 : 0)}%` }} />
                  </span>
                  <span className="bar-value">{format.number(r.count)}</span>
                </li>
              ))}
            </ol>
          )}
          {/* Hidden by its wrapper: a table ignores the 1 px box of .visually-hidden and would widen the page. */}
          <div id={tableId} className={asTable ? 'table-scroll' : 'visually-hidden'}>
            <table className="data-table">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{columnLabel}</th>
                  <th scope="col">{t('count')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    <td>{format.number(r.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button
            type="button"
            className="btn btn-quiet chart-toggle"
            aria-controls={tableId}
            aria-pressed={asTable}
            onClick={() => setAsTable(!asTable)}
          >
            {t('showTable', { title })}
          </button>
        </>
      )}
    </section>
  );
}
