import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { downloadFile } from './download';

/** A button that saves one API file (with the user's token); busy while it loads, says so if it fails. */
export function DownloadButton({ path, filename, label }: { path: string; filename: string; label: string }) {
  const { t } = useTranslation('insight');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await downloadFile(path, filename);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="download">
      <Button variant="secondary" busy={busy} onClick={() => void run()}>
        {label}
      </Button>
      {failed && (
        <span role="alert" className="field-error">
          {t('download.failed')}
        </span>
      )}
    </span>
  );
}
