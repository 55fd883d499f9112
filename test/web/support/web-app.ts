import type { ApiClient } from '@app/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appWithCities } from '../../support/app-with-cities';
import { ensureWebBuild, launchChromium } from './browser';

export interface FocalPoint {
  email: string;
  password: string;
  name: string;
  cityId: string;
}

/**
 * For the top of a browser spec: the web client built, the application started on this file's
 * services with the seed cities, and Chromium; each test opens its own context (its own
 * sessionStorage and localStorage), as a second person would.
 */
export function webAppWithCities(cities: string[], settings: Record<string, string> = {}) {
  beforeAll(() => ensureWebBuild(), 120_000);
  const env = appWithCities(cities, settings);
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
    ...env,
    origin: () => env.app.running.origin,
    /** A new browser context (English unless told; the machine's time zone unless told) and its page. */
    async open(options: { locale?: string; viewport?: { width: number; height: number }; timezoneId?: string } = {}): Promise<Page> {
      const context = await browser.current.newContext({
        locale: options.locale ?? 'en-GB',
        viewport: options.viewport ?? { width: 1280, height: 800 },
        ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
      });
      contexts.push(context);
      return context.newPage();
    },
  };
}

let counter = 0;

/** A user of a city with a known password, so the test can sign in through the page. */
export async function createFocalPoint(admin: ApiClient, cityId: string, name: string): Promise<FocalPoint> {
  const email = `focal${++counter}.${Math.random().toString(36).slice(2, 8)}@test.local`;
  const password = 'city-password-1';
  const res = await admin.post('/users', { email, password, name, role: 'city', cityId });
  if (res.status !== 201) throw new Error(`create user: ${res.status} ${JSON.stringify(res.body)}`);
  return { email, password, name, cityId };
}

/** Signs in through the sign-in page and waits for the home page. */
export async function signIn(page: Page, origin: string, user: FocalPoint): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  await page.getByRole('textbox', { name: 'E-mail address' }).fill(user.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: `Hello, ${user.name}` }).waitFor();
}
