import type { ApiClient } from '@app/testing';
import type { Page } from 'playwright-core';
import type { CityUser } from '../../support/city-users';

/** The page's `document`, inside page.evaluate (the Node type-check has no DOM library). */
declare const document: { getElementById(id: string): { textContent: string | null } | null };

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };

/** Signs the bootstrap admin in through the sign-in page and waits for the home page. */
export async function signInAsAdmin(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  await page.getByRole('textbox', { name: 'E-mail address' }).fill(ADMIN.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();
}

/**
 * Starts the page signed in as the admin with a token the test already holds, as the sign-in page
 * would leave it (sessionStorage `cce.session`): the login route allows 10 attempts a minute per
 * address, and this file's tests would pass it by signing in through the page each time.
 */
export async function openAsAdmin(page: Page, admin: ApiClient, token: string): Promise<void> {
  const me = await admin.get('/auth/me');
  if (me.status !== 200) throw new Error(`me: ${me.status}`);
  const { id, email, name, role, cityId } = me.body;
  const session = JSON.stringify({ token, user: { id, email, name, role, cityId } });
  await page.context().addInitScript((value: string) => {
    const storage = (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void } })
      .sessionStorage;
    if (!storage.getItem('cce.session')) storage.setItem('cce.session', value);
  }, session);
}

/** What a control's aria-describedby says (its hint and the error beside it), as a screen reader reads it. */
export function describedBy(page: Page, name: string, role: 'textbox' | 'combobox' = 'textbox'): Promise<string> {
  return page.getByRole(role, { name, exact: true }).evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id: string) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** A practice shared by `author` and reported by `reporter`, for the moderation queue. */
export async function reportedPractice(author: CityUser, reporter: CityUser, title: string): Promise<string> {
  const shared = await author.api.post('/practices', {
    title,
    summary: 'Street musicians play in the market every Saturday.',
    body: 'Every Saturday morning.',
    field: 'music',
    sdgs: [11],
    tags: [],
    language: 'en',
  });
  if (shared.status !== 201) throw new Error(`share: ${shared.status} ${JSON.stringify(shared.body)}`);
  const reported = await reporter.api.post(`/practices/${shared.body.id}/reports`, { reason: 'Advertises a private company' });
  if (reported.status !== 201) throw new Error(`report: ${reported.status} ${JSON.stringify(reported.body)}`);
  return shared.body.id;
}

/** The city of this name (and country) as the API has it, or undefined. */
export async function cityNamed(api: ApiClient, name: string, country: string): Promise<{ id: string; version: number } | undefined> {
  const res = await api.get(`/cities?q=${encodeURIComponent(name)}&limit=100`);
  return (res.body.items as { id: string; name: string; country: string; version: number }[]).find((c) => c.name === name && c.country === country);
}
