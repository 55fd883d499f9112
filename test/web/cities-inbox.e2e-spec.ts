import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { proposeProject } from '../support/projects';
import { collaborate, eventually } from './support/cities-fixtures';
import { createFocalPoint, signIn, webAppWithCities, type FocalPoint } from './support/web-app';

jest.setTimeout(120_000);

/** The page's `document`, inside page.evaluate (the Node type-check has no DOM library). */
declare const document: { documentElement: { scrollWidth: number } };

/**
 * The cities directory and city pages, the inbox and its preferences, in Chromium against the
 * whole application, as Llíria's focal point uses them. Elements are found by role and accessible name only.
 */
describe('Cities and inbox in a browser', () => {
  const { admin, users, open, origin } = webAppWithCities(['sevilla', 'lliria', 'granada']);
  const [sevilla, lliria, granada] = users;
  let focal: FocalPoint;

  beforeAll(async () => {
    focal = await createFocalPoint(admin, lliria.cityId, 'Marta of Llíria');
  });

  const listNames = (page: Page) => page.getByRole('list', { name: 'Cities found' }).getByRole('link').allInnerTexts();
  const mapNames = async (page: Page) => {
    const points = page.getByRole('group', { name: 'Map of the cities found' }).getByRole('link');
    const names = await points.evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? ''));
    return names.map((name) => name.split(', ')[0]);
  };
  const agreeing = async (page: Page, expected: string[]) => {
    await page
      .getByRole('status')
      .filter({ hasText: `${expected.length} ${expected.length === 1 ? 'city' : 'cities'}` })
      .waitFor();
    await eventually(async () => JSON.stringify(await listNames(page)) === JSON.stringify(expected));
    await eventually(async () => JSON.stringify((await mapNames(page)).sort()) === JSON.stringify([...expected].sort()));
  };

  it('filters the directory by field and by name: the list and the map points agree, and the filters survive a reload', async () => {
    const page = await open();
    await signIn(page, origin(), focal);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cities' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cities' }).waitFor();
    await agreeing(page, ['Barcelona', 'Bilbao', 'Burgos', 'Dénia', 'Granada', 'Llíria', 'Manises', 'Sevilla', 'Terrassa', 'Valencia', 'Valladolid']);

    const filters = page.getByRole('search', { name: 'Filter cities' });
    await filters.getByRole('combobox', { name: 'Creative field' }).selectOption({ label: 'Music' });
    await agreeing(page, ['Llíria', 'Sevilla']);
    const world = page.getByRole('button', { name: 'Show the whole world' });
    await world.click();
    expect(await world.getAttribute('aria-pressed')).toBe('true');
    await agreeing(page, ['Llíria', 'Sevilla']);
    await filters.getByRole('searchbox', { name: 'Name' }).fill('sev');
    await agreeing(page, ['Sevilla']);
    await page.waitForURL(/field=music&q=sev/);

    await page.reload();
    await agreeing(page, ['Sevilla']);
    expect(await page.getByRole('combobox', { name: 'Creative field' }).inputValue()).toBe('music');

    // A point is a link named like its list entry, reachable by keyboard, and opens the city's page.
    const point = page.getByRole('group', { name: 'Map of the cities found' }).getByRole('link', { name: 'Sevilla, Music, Spain' });
    await point.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Sevilla' }).waitFor();

    await page.goBack();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await filters.getByRole('searchbox', { name: 'Name' }).fill('zzz-no-such-city');
    await page.getByText('No city matches these filters. Remove a filter or try another name.').waitFor();
  });

  it('speaks Spanish: filters, the map and its points, the counts', async () => {
    const page = await open();
    await signIn(page, origin(), focal);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    // The labels have changed (the feature's Spanish chunk has loaded) before the page is left.
    await page.getByRole('navigation', { name: 'Secciones' }).waitFor();
    await page.goto(`${origin()}/cities?field=music`);
    await page.getByRole('heading', { level: 1, name: 'Ciudades' }).waitFor();
    await page.getByRole('search', { name: 'Filtrar ciudades' }).getByRole('combobox', { name: 'Ámbito creativo' }).waitFor();
    await page.getByRole('status').filter({ hasText: '2 ciudades' }).waitFor();
    await page.getByRole('group', { name: 'Mapa de las ciudades encontradas' }).getByRole('link', { name: 'Sevilla, Música, España' }).waitFor();
    await page.getByRole('list', { name: 'Ciudades encontradas' }).getByText('Ciudad Creativa desde 2006').waitFor();
  });

  it("opens a city's page: profile, projects, practices and collaborations as a map of arcs and a list", async () => {
    const project = await collaborate(sevilla, granada, 'Flamenco and poetry');
    await eventually(async () => (await admin.get(`/cities/${sevilla.cityId}/collaborations`)).body.total === 1);

    const page = await open();
    await signIn(page, origin(), focal);
    await page.goto(`${origin()}/cities`);
    await page.getByRole('list', { name: 'Cities found' }).getByRole('link', { name: 'Sevilla' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sevilla' }).waitFor();

    const profile = page.getByRole('region', { name: 'Profile' });
    await profile.getByText('Music').first().waitFor();
    await profile.getByText('2006').waitFor();
    await page.getByRole('region', { name: 'Projects' }).getByRole('link', { name: project.title }).waitFor();
    await page.getByRole('region', { name: 'Practices' }).getByText('Sevilla has not shared a practice yet', { exact: false }).waitFor();

    const collaborations = page.getByRole('region', { name: 'Collaborations' });
    await collaborations.getByRole('list', { name: 'Cities Sevilla works with' }).getByRole('link', { name: 'Granada' }).waitFor();
    const arcs = collaborations.getByRole('group', { name: 'Map of the collaborations of Sevilla' });
    await arcs.getByRole('link', { name: 'Granada: 1 project or exchange together' }).waitFor();
    await arcs.getByRole('img', { name: 'Sevilla (this city)' }).waitFor();

    // A partner's point opens its page, which has the arc back.
    await arcs.getByRole('link', { name: /^Granada/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Granada' }).waitFor();
    await page
      .getByRole('group', { name: 'Map of the collaborations of Granada' })
      .getByRole('link', { name: /^Sevilla/ })
      .waitFor();
  });

  it('shows a new notification live in the inbox; mark read and read all update the bell at once', async () => {
    await lliria.api.post('/notifications/read-all', {});
    const page = await open();
    await signIn(page, origin(), focal);
    await page.getByRole('link', { name: 'Notifications, 0 unread' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();

    const first = await proposeProject(sevilla, 'Guitar workshops');
    await sevilla.api.post(`/projects/${first.id}/invitations`, { cityId: lliria.cityId });
    await page.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor({ timeout: 15_000 });
    const list = page.getByRole('list', { name: /All notifications/ });
    const items = await eventually(async () => (await lliria.api.get('/notifications')).body.total >= 1).then(() => lliria.api.get('/notifications'));
    const title: string = items.body.items[0].title;
    await list.getByRole('link', { name: title }).waitFor(); // arrived without a reload

    await list.getByRole('button', { name: `Mark as read: ${title}` }).click();
    await page.getByRole('link', { name: 'Notifications, 0 unread' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `Marked as read: ${title}` })
      .waitFor();
    expect(await list.getByRole('button', { name: `Mark as read: ${title}` }).count()).toBe(0);

    // Two more, then "Mark all as read".
    for (const name of ['Choirs', 'Brass bands']) {
      const project = await proposeProject(sevilla, name);
      await sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId });
    }
    await page.getByRole('link', { name: 'Notifications, 2 unread' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByRole('link', { name: 'Notifications, 0 unread' }).waitFor();
    expect((await lliria.api.get('/notifications/unread-count')).body.count).toBe(0);

    // "Unread only" then says what to do next; the title of an item opens it.
    await page.getByRole('button', { name: 'Unread only' }).click();
    await page.getByText('Everything is read.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await list.getByRole('link', { name: title }).click();
    await page.waitForURL(`${origin()}/projects/${first.id}`);
  });

  it('saves preferences that survive a reload, and says in plain words when someone else saved first', async () => {
    const page = await open();
    await signIn(page, origin(), focal);
    await page.goto(`${origin()}/inbox/preferences`);
    await page.getByRole('heading', { level: 1, name: 'Notification preferences' }).waitFor();

    await page.getByRole('radio', { name: 'A weekly digest' }).check();
    await page.getByRole('checkbox', { name: 'A city of your field shares a practice' }).uncheck();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByRole('status').filter({ hasText: 'Preferences saved.' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Notification preferences' }).waitFor();
    await page.getByRole('radio', { name: 'A weekly digest' }).waitFor();
    expect(await page.getByRole('radio', { name: 'A weekly digest' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'A city of your field shares a practice' }).isChecked()).toBe(false);
    // The muted types are the city's (another user of Llíria reads them); the e-mail cadence is each user's own.
    const saved = (await lliria.api.get('/notifications/preferences')).body;
    expect(saved).toMatchObject({ email: 'instant', mutedTypes: ['PracticeShared'] });

    // Another user of Llíria saves meanwhile: this form's version is stale (409).
    const other = await lliria.api.put('/notifications/preferences', { email: 'daily', mutedTypes: [], version: saved.version });
    expect(other.status).toBe(200);
    await page.getByRole('radio', { name: 'No e-mails' }).check();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByRole('alert').filter({ hasText: 'Someone else in your city saved these preferences while you were editing them' }).waitFor();
    expect(await page.getByRole('radio', { name: 'A weekly digest' }).isChecked()).toBe(true); // this user's own, untouched
    expect(await page.getByRole('checkbox', { name: 'A city of your field shares a practice' }).isChecked()).toBe(true);
    expect((await lliria.api.get('/notifications/preferences')).body.email).toBe('daily');
  });

  it('axe-core finds no serious or critical violation on the directory, a city page, the inbox and preferences', async () => {
    const page = await open();
    await signIn(page, origin(), focal);
    const audit = async (path: string, ready: (p: Page) => Promise<unknown>) => {
      await page.goto(`${origin()}${path}`);
      await ready(page);
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    const found: string[] = [];
    found.push(...(await audit('/cities', (p) => p.getByRole('group', { name: 'Map of the cities found' }).getByRole('link').first().waitFor())));
    found.push(...(await audit('/cities?field=music', (p) => p.getByRole('status').filter({ hasText: '2 cities' }).waitFor())));
    found.push(
      ...(await audit(`/cities/${sevilla.cityId}`, (p) =>
        p.getByRole('group', { name: 'Map of the collaborations of Sevilla' }).getByRole('link').first().waitFor(),
      )),
    );
    found.push(...(await audit('/inbox', (p) => p.getByRole('heading', { name: /All notifications/ }).waitFor())));
    found.push(...(await audit('/inbox/preferences', (p) => p.getByRole('button', { name: 'Save preferences' }).waitFor())));
    expect(found).toEqual([]);
  });

  it('nothing scrolls horizontally on a 360 px phone', async () => {
    const page = await open({ viewport: { width: 360, height: 740 } });
    await signIn(page, origin(), focal);
    const widths: Record<string, number> = {};
    for (const [path, ready] of [
      ['/cities', (p: Page) => p.getByRole('group', { name: 'Map of the cities found' }).getByRole('link').first().waitFor()],
      [`/cities/${sevilla.cityId}`, (p: Page) => p.getByRole('group', { name: 'Map of the collaborations of Sevilla' }).waitFor()],
      ['/inbox', (p: Page) => p.getByRole('heading', { name: /All notifications/ }).waitFor()],
      ['/inbox/preferences', (p: Page) => p.getByRole('button', { name: 'Save preferences' }).waitFor()],
    ] as const) {
      await page.goto(`${origin()}${path}`);
      await ready(page);
      widths[path] = await page.evaluate(() => document.documentElement.scrollWidth);
    }
    for (const width of Object.values(widths)) expect(width).toBeLessThanOrEqual(360);
  });
});
