import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { linkify, mailDocument } from './linkify';
import type { DevMail } from './MailboxPage';

/**
 * One mail: its envelope, the plain-text part with its links clickable, and on request the HTML
 * part in a sandboxed frame (srcdoc, no scripts, no same origin: the mail cannot touch this page).
 */
export function MailView({ mail }: { mail: DevMail }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const [html, setHtml] = useState(false);
  return (
    <>
      <h2 id="mail-subject">{mail.subject}</h2>
      <dl className="admin-facts mail-envelope">
        {[
          [t('mailbox.from'), mail.from],
          [t('mailbox.to'), mail.to],
          [t('mailbox.sentAt'), format.dateTime(mail.sentAt)],
          ...Object.entries(mail.headers),
        ].map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('mailbox.text')}</h3>
      <div className="mail-text">
        {linkify(mail.text).map((piece, i) =>
          piece.kind === 'link' ? (
            <a key={i} href={piece.href}>
              {piece.href}
            </a>
          ) : (
            <span key={i}>{piece.text}</span>
          ),
        )}
      </div>
      {mail.html && (
        <p>
          <Button variant="secondary" aria-expanded={html} onClick={() => setHtml(!html)}>
            {html ? t('mailbox.hideHtml') : t('mailbox.showHtml')}
          </Button>
        </p>
      )}
      {html && (
        <iframe
          className="mail-html"
          title={t('mailbox.htmlTitle', { subject: mail.subject })}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          srcDoc={mailDocument(mail.html)}
        />
      )}
    </>
  );
}
