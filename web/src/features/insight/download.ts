import { session } from '../../auth/session';

/**
 * Downloads an API file that needs the signed-in user's token (a plain link would not send it):
 * fetched, then saved from a blob URL under the name given. Throws with the HTTP status on refusal.
 */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const token = session.get()?.token;
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** The report's query string (the period when chosen, the language, the format), for its downloads. */
export function reportPath(cityId: string, period: { from?: string; to?: string }, lang: string, format: 'json' | 'csv' | 'html'): string {
  const query = new URLSearchParams({ ...(period.from && { from: period.from }), ...(period.to && { to: period.to }), lang, format });
  return `/api/v1/cities/${encodeURIComponent(cityId)}/report?${query}`;
}
