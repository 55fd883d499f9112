import { waitFor } from '@app/testing';
import { webAppWithCities } from './support/web-app';
import { scrollWidth, seriousViolations } from './support/practices-pages';
import { cityNamed, describedBy, openAsAdmin, reportedPractice, signInAsAdmin } from './support/admin-pages';
import { parkedInvitation, poisonFanOut } from './support/admin-dead-letters';

jest.setTimeout(180_000);

/** The page's `document`, inside page.evaluate (the Node type-check has no DOM library). */
declare const document: { activeElement: unknown };

/** Two good rows, a seed city already there and two bad rows (line 3: an unknown country; line 5: a year before the network). */
const CSV = [
  'name,country,region,field,designationYear,lat,lng',
  'Óbidos,PT,europe-north-america,literature,2015,39.3606,-9.1571',
  'Atlantis,XX,europe-north-america,music,2019,10,10',
  'Kraków,PL,europe-north-america,literature,2013,50.0647,19.945',
  'Nowhere,ES,europe-north-america,music,1999,40,-3',
  'Llíria,ES,europe-north-america,music,2019,39.6255,-0.5965',
].join('\n');

/**
 * The admin's pages in Chromium against the whole application (issue #11, story 3 and the rest of
 * the secretariat's work). Elements are found by role and accessible name only.
 */
describe('Admin in a browser', () => {
  const { app, admin, users, open, origin } = webAppWithCities(['bilbao', 'valencia']);
  const [bilbao, valencia] = users;
  let poisoned: Set<string>;

  beforeAll(() => {
    poisoned = poisonFanOut(app.running);
  });

  it('story 3: imports a CSV of cities, sees the report of the bad lines, then imports the good ones', async () => {
    const page = await open();
    await signInAsAdmin(page, origin());
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Cities' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cities' }).waitFor();
    await page.getByRole('link', { name: 'Import cities from a CSV file' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import cities' }).waitFor();

    await page.getByLabel('CSV file').setInputFiles({ name: 'cities.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    expect(await page.getByRole('radio', { name: 'Import nothing (all or nothing)' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Import the file' }).click();

    const report = page.getByRole('region', { name: 'Import report' });
    await report.getByText('Nothing was imported.').waitFor();
    await report.getByText('2 lines are wrong. Fix them in the file and import it again.').waitFor();
    const bad = report.getByRole('list', { name: 'Wrong lines' });
    const line3 = bad.getByRole('listitem').filter({ hasText: 'Line 3' }).first();
    await line3.getByText('Column country:').waitFor();
    await line3.getByText(/"XX" is not one/).waitFor();
    const line5 = bad.getByRole('listitem').filter({ hasText: 'Line 5' }).first();
    await line5.getByText('Column designationYear:').waitFor();
    expect(await report.getByRole('heading', { name: 'Import report' }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await cityNamed(admin, 'Óbidos', 'PT')).toBeUndefined(); // all or nothing

    await report.getByRole('button', { name: 'Import the good lines only' }).click();
    await report.getByText('2 cities imported.').waitFor();
    await report.getByText('1 city was already registered and left as it was.').waitFor();
    await report.getByText('2 wrong lines not imported (below).').waitFor();
    await report.getByRole('list', { name: 'Wrong lines' }).getByText('Line 3 (Atlantis)').waitFor();
    expect(await cityNamed(admin, 'Óbidos', 'PT')).toBeDefined();
    expect(await cityNamed(admin, 'Kraków', 'PL')).toBeDefined();

    // The same file again changes nothing: everything good is already there.
    await page.getByRole('radio', { name: 'Import the good lines and list the wrong ones' }).check();
    await page.getByRole('button', { name: 'Import the file' }).click();
    await report.getByText('0 cities imported.').waitFor();
    await report.getByText('3 cities were already registered and left as they were.').waitFor();
  });

  it('register a city: a missing field and the API’s own error beside their field, a look-alike name said in plain words', async () => {
    const page = await open();
    await openAsAdmin(page, admin, app.adminToken);
    await page.goto(`${origin()}/admin/cities/new`);
    await page.getByRole('heading', { level: 1, name: 'Register a city' }).waitFor();
    await page.getByRole('textbox', { name: 'Name (required)' }).fill('Óbidos Nova');
    await page.getByRole('combobox', { name: 'Region (required)' }).selectOption({ label: 'Europe and North America' });
    await page.getByRole('combobox', { name: 'Creative field (required)' }).selectOption({ label: 'Literature' });
    await page.getByRole('textbox', { name: 'Year of designation (required)' }).fill('2015');
    await page.getByRole('button', { name: 'Register the city' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Country code (required): Fill this in.' }).waitFor();
    expect(await describedBy(page, 'Country code (required)')).toContain('Fill this in.');
    expect(await page.getByRole('textbox', { name: 'Country code (required)' }).evaluate((el) => el === document.activeElement)).toBe(true);

    // A country that is not one: the API's problem+json lands beside the country too.
    await page.getByRole('textbox', { name: 'Country code (required)' }).fill('XX');
    await page.getByRole('button', { name: 'Register the city' }).click();
    await summary.getByRole('link', { name: /^Country code \(required\): country must be/ }).waitFor();
    expect(await describedBy(page, 'Country code (required)')).toMatch(/"XX" is not one/);

    // Same name as a registered city but for accents and case, same country: a 409 said beside the name.
    await page.getByRole('textbox', { name: 'Name (required)' }).fill('LLIRIA');
    await page.getByRole('textbox', { name: 'Country code (required)' }).fill('es');
    await page.getByRole('button', { name: 'Register the city' }).click();
    await summary.getByRole('link', { name: /^Name \(required\): A city with this name is already registered in ES/ }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Name (required)' }).evaluate((el) => el === document.activeElement)).toBe(true);

    await page.getByRole('textbox', { name: 'Name (required)' }).fill('Óbidos Nova');
    await page.getByRole('textbox', { name: 'Country code (required)' }).fill('pt');
    await page.getByRole('button', { name: 'Register the city' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cities' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Óbidos Nova is registered.' }).waitFor();
    await page.getByRole('list', { name: 'Member cities' }).getByText('Óbidos Nova (PT)').waitFor();
    expect(await cityNamed(admin, 'Óbidos Nova', 'PT')).toBeDefined();
  });

  it('edits a city’s profile; a change made meanwhile reloads it and keeps the admin’s edits (409)', async () => {
    const page = await open();
    await openAsAdmin(page, admin, app.adminToken);
    const city = await admin.get(`/cities/${bilbao.cityId}`);
    await page.goto(`${origin()}/admin/cities/${bilbao.cityId}/edit`);
    await page.getByRole('heading', { level: 1, name: `Edit ${city.body.name}` }).waitFor();
    await page.getByRole('textbox', { name: 'Description' }).fill('Design city on the estuary.');
    // Bilbao's focal point changes the website meanwhile.
    expect(
      (await bilbao.api.patch(`/cities/${bilbao.cityId}`, { website: 'https://www.bilbao.eus/design', version: city.body.version })).status,
    ).toBe(200);
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await page.getByRole('alert').filter({ hasText: 'Someone changed this city while you were editing it.' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Website' }).inputValue()).toBe('https://www.bilbao.eus/design');
    expect(await page.getByRole('textbox', { name: 'Description' }).inputValue()).toBe('Design city on the estuary.');
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `The profile of ${city.body.name} is saved.` })
      .waitFor();
    const saved = await admin.get(`/cities/${bilbao.cityId}`);
    expect(saved.body).toMatchObject({ description: 'Design city on the estuary.', website: 'https://www.bilbao.eus/design' });
  });

  it('creates a user with a password, with its errors beside the fields', async () => {
    const page = await open();
    await openAsAdmin(page, admin, app.adminToken);
    await page.goto(`${origin()}/admin/users`);
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('link', { name: 'Create an account with a password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
    await page.getByRole('button', { name: 'Create the account' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'City (required): Choose the city they act for.' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'E-mail address (required)' }).evaluate((el) => el === document.activeElement)).toBe(true);

    const email = `ane.${Date.now()}@bilbao.test`;
    await page.getByRole('textbox', { name: 'E-mail address (required)' }).fill(email);
    await page.getByRole('textbox', { name: 'Name (required)' }).fill('Ane Etxeberria');
    await page.getByLabel('Password (required)').fill('short');
    await page.getByRole('combobox', { name: 'City (required)' }).selectOption({ value: bilbao.cityId });
    await page.getByRole('button', { name: 'Create the account' }).click();
    await summary.getByRole('link', { name: /^Password \(required\): / }).waitFor();
    await page.getByLabel('Password (required)').fill('a-long-password-for-ane');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `The account of Ane Etxeberria (${email}) is created.` })
      .waitFor();
  });

  it('hides a reported practice from the moderation queue, after a confirmation naming the consequence', async () => {
    const title = `Market sessions ${Date.now().toString(36)}`;
    const practiceId = await reportedPractice(bilbao, valencia, title);
    const page = await open();
    await openAsAdmin(page, admin, app.adminToken);
    await page.goto(`${origin()}/admin/moderation`);
    await page.getByRole('heading', { level: 1, name: 'Moderation queue' }).waitFor();
    const queue = page.getByRole('list', { name: 'Reports waiting for a decision' });
    const item = queue.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Practice: ${title}` }) });
    await item.getByText('Advertises a private company').waitFor();
    await item.getByText(/^Reported by Valencia on /).waitFor();
    await item.getByRole('button', { name: `Hide the practice “${title}”` }).click();

    const dialog = page.getByRole('dialog', { name: `Hide “${title}”?` });
    await dialog.getByText(/disappears from the library, search and city pages for everyone except the secretariat and its author city/).waitFor();
    await dialog.getByRole('button', { name: 'Hide the practice' }).click();
    await dialog.getByText('Say why: the author city is told.').waitFor();
    await dialog.getByRole('textbox', { name: 'Why is it hidden? (required)' }).fill('Advertising is not allowed in the library.');
    await dialog.getByRole('button', { name: 'Hide the practice' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `“${title}” is hidden. Its author city has been told why.` })
      .waitFor();
    expect(await dialog.count()).toBe(0);
    await waitFor('the report to leave the open queue', async () => (await item.count()) === 0, 10_000);

    const practice = await admin.get(`/practices/${practiceId}`);
    expect(practice.body).toMatchObject({ status: 'hidden', hiddenReason: 'Advertising is not allowed in the library.' });
    await page.getByRole('link', { name: 'Hidden' }).click();
    await page
      .getByRole('list', { name: 'Reports of hidden items' })
      .getByRole('button', { name: `Publish again “${title}”` })
      .waitFor();
  });

  it('the dead letters page lists a parked event and retries it; the audit log shows the admin’s actions, filtered', async () => {
    const letter = await parkedInvitation(admin, poisoned, bilbao, valencia);
    const page = await open();
    await openAsAdmin(page, admin, app.adminToken);
    await page.goto(`${origin()}/admin/dead-letters`);
    await page.getByRole('heading', { level: 1, name: 'Dead letters' }).waitFor();
    const list = page.getByRole('list', { name: 'Dead letters' });
    const item = list.getByRole('listitem').filter({ hasText: letter.projectId });
    await item.getByRole('heading', { name: 'PartnerInvited Parked' }).waitFor();
    await item.getByText('template crashed').waitFor();

    poisoned.delete(letter.projectId); // the cause is fixed: the retry delivers it
    await item.getByRole('button', { name: 'Retry PartnerInvited for notifications.fan-out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retry PartnerInvited?' });
    await dialog.getByText('notifications.fan-out handles this event once more. If it fails again, it is parked here again.').waitFor();
    await dialog.getByRole('button', { name: 'Retry the event' }).click();
    await page.getByRole('status').filter({ hasText: 'PartnerInvited is being retried.' }).waitFor();
    await waitFor(
      'the retry to deliver it',
      async () =>
        ((await admin.get('/admin/dead-letters?limit=100')).body.items as { id: string; status: string }[]).find((l) => l.id === letter.id)
          ?.status === 'delivered',
      30_000,
    );

    // The retry is an admin action: the audit log shows it, and its filters find it.
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const log = page.getByRole('list', { name: 'Admin actions' });
    await log.getByText('POST /api/v1/admin/dead-letters/:id/retry').first().waitFor();
    await page.getByRole('textbox', { name: 'Admin (e-mail address or user id)' }).fill('admin@test.local');
    await page.getByRole('textbox', { name: 'Operation' }).fill('DeadLettersController_retry');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/\/admin\/audit-log\?actor=admin%40test\.local&action=DeadLettersController_retry$/);
    await page
      .getByRole('status')
      .filter({ hasText: /^1 action$/ })
      .waitFor();
    await log.getByText('By admin@test.local on', { exact: false }).waitFor();
    await page.getByRole('textbox', { name: 'Operation' }).fill('NoSuchController_action');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('No admin action matches these filters. Widen the dates or clear the filters.').waitFor();
  });

  it('in Spanish: the admin pages speak the chosen language', async () => {
    const page = await open({ locale: 'es-ES' });
    await openAsAdmin(page, admin, app.adminToken);
    await page.goto(`${origin()}/admin/cities/import`);
    await page.getByRole('heading', { level: 1, name: 'Importar ciudades' }).waitFor();
    await page.getByRole('button', { name: 'Importar el archivo' }).click();
    await page.getByText('Elige un archivo CSV para importar.').waitFor();
    await page.getByRole('navigation', { name: 'Secciones de administración' }).getByRole('link', { name: 'Registro de auditoría' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registro de auditoría' }).waitFor();
    await page
      .getByRole('list', { name: 'Acciones de administradores' })
      .getByText(/^Por admin@test\.local el /)
      .first()
      .waitFor();
  });

  it('every admin page: no serious or critical axe violation, nothing scrolls sideways at 360 px, the queue dashboard link opens it', async () => {
    const paths = [
      '/admin',
      '/admin/cities',
      '/admin/cities/new',
      '/admin/cities/import',
      `/admin/cities/${valencia.cityId}/edit`,
      '/admin/users',
      '/admin/moderation',
      '/admin/moderation?status=resolved',
      '/admin/dead-letters',
      '/admin/audit-log',
    ];
    const found: string[] = [];
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 360, height: 740 },
    ]) {
      const page = await open({ viewport });
      await openAsAdmin(page, admin, app.adminToken);
      for (const path of paths) {
        await page.goto(`${origin()}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.getByRole('status').filter({ hasText: 'Loading' }).waitFor({ state: 'detached' });
        found.push(...(await seriousViolations(page, `${path} at ${viewport.width}px`)));
        if (viewport.width === 360) expect([path, await scrollWidth(page)]).toEqual([path, 360]);
      }
    }
    // An open confirmation dialog, too.
    const page = await open();
    await openAsAdmin(page, admin, app.adminToken);
    await page.goto(`${origin()}/admin/moderation?status=resolved`);
    const publish = page.getByRole('button', { name: /^Publish again/ }).first();
    if (await publish.count()) {
      await publish.click();
      await page.getByRole('dialog').waitFor();
      found.push(...(await seriousViolations(page, 'the publish-again dialog')));
    }
    expect(found).toEqual([]);

    await page.goto(`${origin()}/admin`);
    const link = page.getByRole('link', { name: 'Open the queue dashboard' });
    expect(await link.getAttribute('href')).toMatch(/^\/admin\/queues\?token=[\w.-]+$/);
    await link.click();
    await page.waitForURL(/\/admin\/queues/);
    expect(await page.getByRole('heading', { level: 1, name: 'Admin' }).count()).toBe(0);
  });
});
