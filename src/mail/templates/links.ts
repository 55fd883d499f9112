/** The links every e-mail to a user carries. */
export interface MailLinks {
  publicUrl: string;
  /** The signed one-click unsubscribe link (no sign-in needed). */
  unsubscribe: string;
  /** The web client's notification preferences. */
  preferences: string;
}

const PAGES: Record<string, string> = { project: 'projects', practice: 'practices', exchange: 'exchanges' };

/** The web client's page of a notified item. */
export function itemUrl(publicUrl: string, link: { kind: string; id: string }): string {
  const page = PAGES[link.kind];
  return page ? `${publicUrl}/${page}/${encodeURIComponent(link.id)}` : `${publicUrl}/inbox`;
}
