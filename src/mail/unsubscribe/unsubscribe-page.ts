import type { Lang } from '../../shared/reference-data';
import { escapeHtml, htmlLayout } from '../templates/html';
import { mailWordsIn } from '../templates/words/mail-words';

/**
 * The page behind the link (GET): asks before stopping, since link scanners of mail servers open
 * links; the button POSTs the same one-click form a mail client sends.
 */
export function askPage(lang: Lang, action: string): string {
  const w = mailWordsIn(lang).unsubscribePage;
  return htmlLayout({
    lang,
    title: w.title,
    content: `<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(w.title)}</h1><p>${escapeHtml(w.ask)}</p><form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit" style="background:#0b5394;color:#fff;border:0;padding:10px 18px;border-radius:4px;font-size:16px;cursor:pointer">${escapeHtml(w.button)}</button></form>`,
    footer: '',
  });
}

export function donePage(lang: Lang): string {
  const w = mailWordsIn(lang).unsubscribePage;
  return htmlLayout({
    lang,
    title: w.title,
    content: `<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(w.title)}</h1><p role="status">${escapeHtml(w.done)}</p>`,
    footer: '',
  });
}
