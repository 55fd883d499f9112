import type { Lang } from '../../shared/reference-data';
import type { OutgoingMail } from '../contracts';
import { button, escapeHtml, htmlLayout } from './html';
import { itemUrl, type MailLinks } from './links';
import { mailWordsIn } from './words/mail-words';

export interface NotificationMailInput {
  key: string;
  to: string;
  lang: Lang;
  cityName: string;
  title: string;
  body: string;
  link: { kind: string; id: string };
  links: MailLinks;
}

/** One notification as an e-mail (cadence `instant`): the item, a link to it, why the user got it, one-click unsubscribe. */
export function notificationMail(n: NotificationMailInput): OutgoingMail {
  const w = mailWordsIn(n.lang);
  const url = itemUrl(n.links.publicUrl, n.link);
  const reason = w.reasonInstant(n.cityName);
  const text = [
    n.title,
    '',
    n.body,
    '',
    `${w.open}: ${url}`,
    '',
    '—',
    reason,
    `${w.preferences}: ${n.links.preferences}`,
    `${w.unsubscribe}: ${n.links.unsubscribe}`,
  ].join('\n');
  const html = htmlLayout({
    lang: n.lang,
    title: n.title,
    content: `<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(n.title)}</h1><p style="margin:0;white-space:pre-line">${escapeHtml(n.body)}</p>${button(url, w.open)}`,
    footer: footerHtml(reason, n.links, w),
  });
  return { key: n.key, to: n.to, subject: n.title, text, html, headers: unsubscribeHeaders(n.links) };
}

export function footerHtml(reason: string, links: MailLinks, w: ReturnType<typeof mailWordsIn>): string {
  return `<p style="margin:0 0 8px">${escapeHtml(reason)}</p><p style="margin:0"><a href="${escapeHtml(links.preferences)}" style="color:#0b5394">${escapeHtml(w.preferences)}</a> · <a href="${escapeHtml(links.unsubscribe)}" style="color:#0b5394">${escapeHtml(w.unsubscribe)}</a></p>`;
}

/** RFC 8058 one-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click` to the link. */
export function unsubscribeHeaders(links: MailLinks): Record<string, string> {
  return { 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
