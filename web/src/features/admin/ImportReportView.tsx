import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { partialMayHelp, type ImportOutcome } from './csv-import';

export interface ImportReportViewProps {
  outcome: ImportOutcome;
  /** Re-sends the same file with ?partial=true. */
  onImportGoodRows: () => void;
  busy: boolean;
}

/**
 * The import's report: what was imported and what was there already, then each bad line with the
 * column at fault and why. Its heading takes focus when a new report arrives (the user's next read).
 */
export function ImportReportView({ outcome, onImportGoodRows, busy }: ImportReportViewProps) {
  const { t } = useTranslation('admin');
  const { number } = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [outcome]);
  const bad = outcome.badLines.length;

  return (
    <section className="panel admin-report" aria-labelledby="import-report-title">
      <h2 id="import-report-title" ref={heading} tabIndex={-1}>
        {t('import.report.title')}
      </h2>
      {outcome.applied ? (
        <ul className="admin-counts">
          <li>{t('import.report.imported', { count: outcome.imported, formatted: number(outcome.imported) })}</li>
          <li>{t('import.report.already', { count: outcome.alreadyRegistered, formatted: number(outcome.alreadyRegistered) })}</li>
          {bad > 0 && <li>{t('import.report.skipped', { count: bad, formatted: number(bad) })}</li>}
        </ul>
      ) : (
        <div className="notice notice-error">
          <p>{t('import.report.nothing')}</p>
          {bad > 0 && <p>{t('import.report.badLines', { count: bad, formatted: number(bad) })}</p>}
          {partialMayHelp(outcome) && (
            <>
              <p>{t('import.report.partialHint')}</p>
              <Button variant="secondary" busy={busy} onClick={onImportGoodRows}>
                {t('import.report.importGood')}
              </Button>
            </>
          )}
        </div>
      )}
      {outcome.fileProblems.length > 0 && (
        <ul aria-label={t('import.report.fileProblems')}>
          {outcome.fileProblems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      {bad > 0 && (
        <>
          <h3 id="import-bad-lines">{t('import.report.badTitle')}</h3>
          <ul className="item-list" aria-labelledby="import-bad-lines">
            {outcome.badLines.map((b) => (
              <li key={b.line} className="item">
                <p className="item-title">
                  {b.name ? t('import.report.lineNamed', { line: b.line, name: b.name }) : t('import.report.line', { line: b.line })}
                </p>
                <ul>
                  {b.problems.map((p, i) => (
                    <li key={i}>
                      {p.column ? (
                        <strong>{t('import.report.column', { column: p.column })}</strong>
                      ) : (
                        <strong>{t('import.report.wholeLine')}</strong>
                      )}{' '}
                      {p.message}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
