import { waitFor, type ApiClient } from '@app/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appWithCities } from '../../support/app-with-cities';
import { ensureWebBuild, launchChromium } from './browser';

/**
 * As webAppWithCities, with settings for the application: these files sign in through the page
 * more often than the login route's 10 a minute per address allow by default.
 */
export function webAppWith(cities: string[], env: Record<string, string> = {}) {
  beforeAll(() => ensureWebBuild(), 120_000);
  const app = appWithCities(cities, { LOGIN_THROTTLE_LIMIT: '200', ...env });
  const browser = {} as { current: Browser };
  beforeAll(async () => {
    browser.current = await launchChromium();
  }, 60_000);
  afterAll(() => browser.current?.close());
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  return {
    ...app,
    origin: () => app.app.running.origin,
    async open(options: { viewport?: { width: number; height: number } } = {}): Promise<Page> {
      const context = await browser.current.newContext({ locale: 'en-GB', viewport: options.viewport ?? { width: 1280, height: 800 } });
      contexts.push(context);
      return context.newPage();
    },
  };
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
