/** The page a notification opens (its `link`: a project, a practice or an exchange). */
export function notificationHref(link: { kind: string; id: string }): string {
  const section = { project: 'projects', practice: 'practices', exchange: 'exchanges' }[link.kind];
  return section ? `/${section}/${encodeURIComponent(link.id)}` : '/inbox';
}
