import { waitFor, type ApiClient } from '@app/testing';
import type { Page } from 'playwright-core';
import { webAppWithCities } from './web-app';

/**
 * As webAppWithCities, with settings for the application: these files sign in through the page
 * more often than the login route's 10 a minute per address allow by default.
 */
export function webAppWith(cities: string[], env: Record<string, string> = {}) {
  return webAppWithCities(cities, { LOGIN_THROTTLE_LIMIT: '200', ...env });
}

export interface DevMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** The newest mail to `to` in the development mailbox (waits for it: mails go through a queue). */
export async function mailTo(admin: ApiClient, to: string, subject?: RegExp): Promise<DevMail> {
  let found: DevMail | undefined;
  await waitFor(
    `a mail to ${to}`,
    async () => {
      const res = await admin.get(`/admin/mailbox?to=${encodeURIComponent(to)}`);
      found = (res.body.items as DevMail[] | undefined)?.find((m) => !subject || subject.test(m.subject));
      return !!found;
    },
    15_000,
  );
  return found!;
}

/** The path and query of the first link in `text` to `path` (the mail names PUBLIC_URL; the test's app runs elsewhere). */
export function linkPath(text: string, path: string): string {
  const match = text.match(new RegExp(`https?://[^\\s]+${path.replace(/[/?]/g, '\\$&')}\\?token=[\\w-]+`));
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  const url = new URL(match[0]);
  return url.pathname + url.search;
}

/** The access token the page keeps for this tab. */
export const tokenOfPage = (page: Page) =>
  page.evaluate(
    () =>
      JSON.parse((globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('cce.session') ?? 'null')
        ?.token as string | undefined,
  );

let counter = 0;
export const uniqueEmail = (who: string) => `${who}.${++counter}.${Math.random().toString(36).slice(2, 8)}@test.local`;
