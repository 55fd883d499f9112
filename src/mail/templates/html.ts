/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface Layout {
  lang: string;
  title: string;
  /** Already-escaped HTML of the message. */
  content: string;
  /** Already-escaped HTML of the footer (why the user got it, unsubscribe). */
  footer: string;
}

/**
 * The frame of every e-mail: inline styles and one table (what mail clients render alike), the
 * network's colours, readable without images.
 */
export function htmlLayout({ lang, title, content, footer }: Layout): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#f4f1ea;font-family:Arial,Helvetica,sans-serif;color:#1d1d1b">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f1ea"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px">
<tr><td style="padding:20px 28px;border-bottom:4px solid #0b5394;font-size:14px;font-weight:bold;color:#0b5394">Creative Cities Exchange</td></tr>
<tr><td style="padding:24px 28px;font-size:16px;line-height:1.5">${content}</td></tr>
<tr><td style="padding:16px 28px;border-top:1px solid #ddd;font-size:13px;line-height:1.5;color:#555">${footer}</td></tr>
</table></td></tr></table>
</body>
</html>`;
}

/** A link styled as a button. */
export const button = (href: string, label: string) =>
  `<p style="margin:24px 0"><a href="${escapeHtml(href)}" style="background:#0b5394;color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(label)}</a></p>`;
