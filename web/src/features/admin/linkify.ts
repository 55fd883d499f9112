/** A piece of a mail's plain text: words as they are, or a link to follow. */
export type TextPiece = { kind: 'text'; text: string } | { kind: 'link'; href: string };

// http(s) URLs up to whitespace or a closing bracket/quote; trailing sentence punctuation is not part of it.
const URL_PATTERN = /https?:\/\/[^\s<>"')\]]+/g;
const TRAILING = /[.,;:!?]+$/;

/** Splits plain text into text and http(s) links (no other scheme is ever made clickable). */
export function linkify(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const href = match[0].replace(TRAILING, '');
    const start = match.index;
    if (start > last) pieces.push({ kind: 'text', text: text.slice(last, start) });
    pieces.push({ kind: 'link', href });
    last = start + href.length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

/**
 * A mail's HTML for a sandboxed srcdoc iframe (no scripts, no same origin): links open in a new
 * tab (the frame cannot navigate this page), and its own CSP forbids scripts and remote loads even
 * if the sandbox were relaxed.
 */
export function mailDocument(html: string): string {
  const head =
    '<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; style-src \'unsafe-inline\'"><base target="_blank">';
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (m) => m + head)
    : `<!doctype html><html><head>${head}</head><body>${html}</body></html>`;
}
