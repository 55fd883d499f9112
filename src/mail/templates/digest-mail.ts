import type { Lang } from '../../shared/reference-data';
import type { OutgoingMail } from '../contracts';
import { button, escapeHtml, htmlLayout } from './html';
import { itemUrl, type MailLinks } from './links';
import { footerHtml, unsubscribeHeaders } from './notification-mail';
import { mailWordsIn } from './words/mail-words';

export interface DigestItem {
  title: string;
  body: string;
  link: { kind: string; id: string };
  /** The project or practice it is about: items are grouped under it. */
  groupTitle: string;
}

export interface DigestMailInput {
  key: string;
  to: string;
  lang: Lang;
  weekly: boolean;
  cityName: string;
  items: DigestItem[];
  links: MailLinks;
}

/** Items grouped by the project or practice they are about, groups in the order their first item came. */
export function groupItems(items: DigestItem[]): { title: string; items: DigestItem[] }[] {
  const groups = new Map<string, { title: string; items: DigestItem[] }>();
  for (const item of items) {
    const key = `${item.link.kind === 'exchange' ? 'practice' : item.link.kind}:${item.groupTitle}`;
    const group = groups.get(key) ?? { title: item.groupTitle, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A daily or weekly digest: what arrived since the previous one, grouped by project or practice. */
export function digestMail(d: DigestMailInput): OutgoingMail {
  const w = mailWordsIn(d.lang);
  const subject = w.digestSubject(d.items.length, d.weekly);
  const intro = w.digestIntro(d.items.length, d.weekly);
  const reason = w.reasonDigest(d.cityName, d.weekly);
  const groups = groupItems(d.items);
  const url = (i: DigestItem) => itemUrl(d.links.publicUrl, i.link);
  const text = [
    intro,
    '',
    ...groups.flatMap((g) => [g.title, ...g.items.flatMap((i) => [`  • ${i.title}`, `    ${i.body.replace(/\n/g, '\n    ')}`, `    ${url(i)}`]), '']),
    '—',
    reason,
    `${w.preferences}: ${d.links.preferences}`,
    `${w.unsubscribe}: ${d.links.unsubscribe}`,
  ].join('\n');
  const content =
    `<p style="margin:0 0 16px">${escapeHtml(intro)}</p>` +
    groups
      .map(
        (g) =>
          `<h2 style="font-size:17px;margin:20px 0 8px">${escapeHtml(g.title)}</h2><ul style="margin:0;padding-left:20px">` +
          g.items
            .map(
              (i) =>
                `<li style="margin:0 0 10px"><a href="${escapeHtml(url(i))}" style="color:#0b5394;font-weight:bold">${escapeHtml(i.title)}</a><br><span style="white-space:pre-line">${escapeHtml(i.body)}</span></li>`,
            )
            .join('') +
          '</ul>',
      )
      .join('') +
    button(`${d.links.publicUrl}/inbox`, w.open);
  const html = htmlLayout({ lang: d.lang, title: subject, content, footer: footerHtml(reason, d.links, w) });
  return { key: d.key, to: d.to, subject, text, html, headers: unsubscribeHeaders(d.links) };
}
