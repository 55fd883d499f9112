import AxeBuilder from '@axe-core/playwright';
import type { Page, WebSocketRoute } from 'playwright-core';
import { proposeProject } from '../support/projects';
import { createFocalPoint, signIn, webAppWithCities, type FocalPoint } from './support/web-app';

jest.setTimeout(90_000);

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The page's `document`, inside page.evaluate (the Node type-check has no DOM library). */
declare const sessionStorage: { setItem(key: string, value: string): void };
declare const document: { activeElement: unknown; documentElement: { lang: string; scrollWidth: number } };

/**
 * The web client in Chromium against the whole application (built web/dist served at `/`), as a
 * city's focal point uses it. Elements are found by role and accessible name only.
 */
describe('Web client in a browser', () => {
  const { admin, users, open, origin } = webAppWithCities(['sevilla', 'lliria']);
  const [sevilla, lliria] = users;
  let focal: FocalPoint;

  beforeAll(async () => {
    focal = await createFocalPoint(admin, lliria.cityId, 'Marta of Llíria');
  });

  it('signs in, lands on home, and the bell and a toast show an invitation live, without reloading', async () => {
    const page = await open();
    await signIn(page, origin(), focal);
    await page.getByRole('link', { name: 'Notifications, 0 unread' }).waitFor();
    const needsAnswer = page.getByRole('region', { name: 'Needs your answer' });
    await needsAnswer.waitFor();
    await waitUntil(async () => (await needsAnswer.textContent())?.includes('Nothing needs your answer right now') ?? false);

    const project = await proposeProject(sevilla, 'Guitars of two cities');
    const invited = await sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId });
    expect(invited.status).toBe(201);

    await page.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor({ timeout: 15_000 });
    const inbox = await lliria.api.get('/notifications');
    const title: string = inbox.body.items[0].title;
    const toast = page.getByRole('status').filter({ hasText: title });
    await toast.waitFor();
    // "Needs your answer" offers the invitation, and the activity feed shows the notification, both live.
    await needsAnswer.getByRole('link', { name: 'Guitars of two cities' }).waitFor();
    await needsAnswer.getByRole('button', { name: 'Accept: Guitars of two cities' }).waitFor();
    await page.getByRole('region', { name: 'Activity' }).getByRole('link', { name: title }).waitFor();

    // The toast opens the item; focus moves to the new page's heading.
    await toast.getByRole('link', { name: 'Open' }).click();
    await page.waitForURL(`${origin()}/projects/${project.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForFunction(() => (document.activeElement as { tagName?: string } | null)?.tagName === 'H1');
  });

  it('survives the live connection dropping: says so, and once reconnected shows what it missed', async () => {
    const page = await open();
    // Every Socket.IO WebSocket of the page passes through here, so the test can cut them.
    let down = false;
    /** Set once the server accepted the page on /live: a drop before that is no drop to the page (it never was live). */
    let joined = false;
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (down) return ws.close({ code: 1011, reason: 'network down' });
      const server = ws.connectToServer();
      server.onMessage((message) => {
        if (typeof message === 'string' && message.startsWith('40/live,')) joined = true;
        ws.send(message); // a handler on the server side replaces the default forwarding
      });
      sockets.push(ws);
    });
    const before: number = (await lliria.api.get('/notifications/unread-count')).body.count;
    await signIn(page, origin(), focal);
    await page.getByRole('link', { name: `Notifications, ${before} unread` }).waitFor();
    // Cut only a connection the namespace accepted: cutting the WebSocket between its opening and the
    // namespace's CONNECT answer (a window that grows on a loaded machine) leaves a page that never was live.
    await waitUntil(() => joined);

    down = true;
    await Promise.all(sockets.splice(0).map((ws) => ws.close({ code: 1011, reason: 'network down' })));
    // Generous waits: on a loaded CI the page's reconnection backoff (up to 5 s a try) and its work run late.
    await page.getByRole('status').filter({ hasText: 'Live updates are paused' }).waitFor({ timeout: 45_000 });

    const project = await proposeProject(sevilla, 'Choirs across the sea');
    expect((await sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId })).status).toBe(201);
    await waitUntil(async () => (await lliria.api.get('/notifications/unread-count')).body.count === before + 1);
    expect(await page.getByRole('link', { name: `Notifications, ${before} unread` }).isVisible()).toBe(true);

    down = false;
    await page.getByRole('link', { name: `Notifications, ${before + 1} unread` }).waitFor({ timeout: 45_000 });
    const title: string = (await lliria.api.get('/notifications')).body.items[0].title;
    await page.getByRole('region', { name: 'Activity' }).getByRole('link', { name: title }).waitFor();
    await page.getByRole('region', { name: 'Needs your answer' }).getByRole('link', { name: 'Choirs across the sea' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Live updates are paused' }).waitFor({ state: 'detached' });
  }, 150_000);

  it('says so when the e-mail or password is wrong, and names a missing field next to it', async () => {
    const page = await open();
    await page.goto(`${origin()}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: /E-mail address: Enter your e-mail address/ }).waitFor();
    expect(await page.getByRole('textbox', { name: 'E-mail address' }).evaluate((el) => el === document.activeElement)).toBe(true);

    await page.getByRole('textbox', { name: 'E-mail address' }).fill(focal.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The e-mail address or the password is not right.' }).waitFor();
  });

  it('goes back to sign-in when the API refuses the kept token, then returns where the user was going', async () => {
    const page = await open();
    const stale = { token: 'expired.or.forged', user: { id: 'u1', email: focal.email, name: focal.name, role: 'city', cityId: lliria.cityId } };
    await page.addInitScript((value) => sessionStorage.setItem('cce.session', value), JSON.stringify(stale));
    await page.goto(`${origin()}/account/password`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/account/password');

    await page.getByRole('textbox', { name: 'E-mail address' }).fill(focal.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(focal.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change password' }).waitFor();
  });

  it('signs out from the account menu: back to sign-in, and the pages behind it are closed', async () => {
    const page = await open();
    await signIn(page, origin(), focal);
    const account = page.getByRole('button', { name: 'Account' });
    await account.click();
    expect(await account.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await account.getAttribute('aria-expanded')).toBe('false');
    await account.click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });

  it('switches to Spanish: labels, <html lang> and the bell follow, and the choice survives a reload', async () => {
    const page = await open();
    await signIn(page, origin(), focal);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    const sections = page.getByRole('navigation', { name: 'Secciones' });
    for (const label of ['Proyectos', 'Prácticas', 'Intercambios', 'Ciudades', 'Panorama'])
      await sections.getByRole('link', { name: label }).waitFor();
    await page.getByRole('link', { name: /^Notificaciones, \d+ sin leer$/ }).waitFor();
    await page.getByRole('heading', { name: 'Pendiente de su respuesta' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Hola, ${focal.name}` }).waitFor();
    await page.getByRole('combobox', { name: 'Idioma' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
  });

  it('starts in the browser language when nothing was chosen (French)', async () => {
    const page = await open({ locale: 'fr-FR' });
    await page.goto(`${origin()}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();
  });

  it('folds the sections into a menu button on a 360 px phone, with no horizontal scrolling', async () => {
    const page = await open({ viewport: { width: 360, height: 740 } });
    await signIn(page, origin(), focal);
    const menu = page.getByRole('button', { name: 'Menu' });
    const practices = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Practices', exact: true });
    expect(await practices.isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await practices.click();
    await page.waitForURL(`${origin()}/practices`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: /^Notifications, \d+ unread$/ }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it('axe-core finds no serious or critical violation on the pages that exist', async () => {
    const page = await open();
    const audit = async (path: string, ready: (p: Page) => Promise<unknown>) => {
      await page.goto(`${origin()}${path}`);
      await ready(page);
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    const found: string[] = [];
    found.push(...(await audit('/sign-in', (p) => p.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor())));
    found.push(...(await audit('/reset-password', (p) => p.getByRole('heading', { level: 1, name: 'Forgotten your password?' }).waitFor())));
    found.push(...(await audit('/accept-invitation', (p) => p.getByRole('heading', { level: 1, name: 'Accept your invitation' }).waitFor())));
    await signIn(page, origin(), focal);
    found.push(...(await audit('/', (p) => p.getByRole('heading', { name: 'Needs your answer' }).waitFor())));
    // Each section's page, whatever its feature names its heading (placeholders until built).
    for (const path of ['/projects', '/practices', '/exchanges', '/cities', '/insight', '/inbox', '/account/password']) {
      found.push(...(await audit(path, (p) => p.getByRole('heading', { level: 1 }).waitFor())));
    }
    found.push(...(await audit('/no-such-page', (p) => p.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor())));
    await page.getByRole('button', { name: 'Account' }).click();
    found.push(...(await audit('/', (p) => p.getByRole('heading', { name: 'Needs your answer' }).waitFor())));

    // The secretariat's view: the Admin section and a home without a city.
    const adminPage = await open();
    await adminPage.goto(`${origin()}/sign-in`);
    await adminPage.getByRole('textbox', { name: 'E-mail address' }).fill('admin@test.local');
    await adminPage.getByRole('textbox', { name: 'Password' }).fill('admin-password-1');
    await adminPage.getByRole('button', { name: 'Sign in' }).click();
    await adminPage.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();
    await adminPage.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Admin' }).click();
    await adminPage.waitForURL(`${origin()}/admin`);
    await adminPage.getByRole('heading', { level: 1 }).waitFor();
    const { violations } = await new AxeBuilder({ page: adminPage }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    found.push(...violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `/admin: ${v.id}`));
    expect(found).toEqual([]);
  }, 180_000); // a dozen pages, each rendered and audited
});
