import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/problem';
import { Button } from '../../ui/Button';
import { fieldId } from '../../ui/Field';
import { FieldGroup } from '../../ui/FieldGroup';
import { PageHeading } from '../../ui/PageHeading';
import { CITIES_KEY } from './admin-api';
import { CSV_HEADER, csvTextOf, importRequestOf, outcomeOfProblem, outcomeOfReport, type ImportOutcome } from './csv-import';
import { ImportReportView } from './ImportReportView';

/** /admin/cities/import: a CSV file of cities, all or nothing unless the admin asks for the good rows only. */
export function ImportCitiesPage() {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [partial, setPartial] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const send = useMutation({
    mutationFn: async (asPartial: boolean) => {
      const csv = await csvTextOf(file!);
      return unwrap(api.POST('/api/v1/cities/import', importRequestOf(csv, asPartial)));
    },
    onMutate: () => setFailure(null),
    onSuccess: (report) => {
      setOutcome(outcomeOfReport(report));
      void queryClient.invalidateQueries({ queryKey: CITIES_KEY });
    },
    onError: (error) => {
      // 400: the file was refused as a whole and `errors` name its bad lines; that is a report too.
      if (error instanceof ApiError && error.status === 400 && error.problem) setOutcome(outcomeOfProblem(error.problem));
      else if (error instanceof ApiError && error.status === 413) setFailure(t('import.tooBig'));
      else setFailure(error instanceof ApiError ? error.message : t('common:ui.loadFailed'));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError(t('import.chooseFirst'));
      document.getElementById(fieldId('file'))?.focus();
      return;
    }
    setFileError(null);
    send.mutate(partial);
  };

  const fileErrorId = `${fieldId('file')}-error`;
  return (
    <section className="page form-page">
      <PageHeading>{t('import.title')}</PageHeading>
      <p>
        <Link to="/admin/cities">{t('cities.back')}</Link>
      </p>
      <p>{t('import.intro')}</p>
      <p>
        {t('import.header')} <code className="admin-code">{CSV_HEADER}</code>
      </p>
      <p className="muted">{t('import.rules')}</p>
      <form onSubmit={submit} noValidate className="form admin-form">
        <div className={fileError ? 'field field-invalid' : 'field'}>
          <label htmlFor={fieldId('file')}>{t('import.file')}</label>
          {fileError && (
            <p id={fileErrorId} className="field-error">
              {fileError}
            </p>
          )}
          <input
            id={fieldId('file')}
            type="file"
            accept=".csv,text/csv"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? fileErrorId : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setOutcome(null);
              setFileError(null);
            }}
          />
        </div>
        <FieldGroup name="mode" label={t('import.modeLegend')}>
          <label>
            <input type="radio" name="mode" checked={!partial} onChange={() => setPartial(false)} /> {t('import.allOrNothing')}
          </label>
          <label>
            <input type="radio" name="mode" checked={partial} onChange={() => setPartial(true)} /> {t('import.partial')}
          </label>
        </FieldGroup>
        <Button type="submit" busy={send.isPending}>
          {t('import.submit')}
        </Button>
      </form>
      {failure && (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      )}
      {outcome && <ImportReportView outcome={outcome} busy={send.isPending} onImportGoodRows={() => send.mutate(true)} />}
    </section>
  );
}
