import type { Page } from 'playwright-core';
import { proposeProject } from '../support/projects';
import { createFocalPoint, signIn, webAppWithCities, type FocalPoint } from './support/web-app';
import { horizontalOverflow, proposeThroughForm, seriousViolations } from './support/projects-pages';

jest.setTimeout(240_000);

/** The page's `document`, inside page.evaluate (the Node type-check has no DOM library). */
declare const document: { activeElement: { id?: string } | null };

/**
 * The projects section in Chromium against the whole application, as the focal points of Sevilla
 * and Llíria use it. Elements are found by role and accessible name only.
 */
describe('Projects in a browser', () => {
  const app = webAppWithCities(['sevilla', 'lliria']);
  const { admin, users, origin } = app;
  // The machine is shared and often loaded: a step may wait up to a minute before it fails.
  const open = async (options?: Parameters<typeof app.open>[0]) => {
    const page = await app.open(options);
    page.setDefaultTimeout(60_000);
    return page;
  };
  const [sevilla, lliria] = users;
  let ana: FocalPoint;
  let marta: FocalPoint;

  beforeAll(async () => {
    [ana, marta] = await Promise.all([
      createFocalPoint(admin, users[0].cityId, 'Ana of Sevilla'),
      createFocalPoint(admin, lliria.cityId, 'Marta of Llíria'),
    ]);
  });

  // Later tests read the project story 1 creates ("Guitars of two cities"): run the file in order.
  const partnerRow = (page: Page, city: string) => page.getByRole('region', { name: 'Partners' }).getByRole('listitem').filter({ hasText: city });

  it('story 1: Sevilla proposes and invites Llíria from the suggestions; Llíria is told live and accepts; Sevilla sees it live', async () => {
    const sevillaPage = await open();
    const lliriaPage = await open();
    await Promise.all([signIn(sevillaPage, origin(), ana), signIn(lliriaPage, origin(), marta)]);
    await lliriaPage.getByRole('link', { name: 'Notifications, 0 unread' }).waitFor();

    // Sevilla proposes; the project page opens on the partner suggestions, each with its reasons.
    const title = 'Guitars of two cities';
    const projectId = await proposeThroughForm(sevillaPage, origin(), title);
    expect(await sevillaPage.getByRole('tab', { name: 'Partner suggestions' }).getAttribute('aria-selected')).toBe('true');
    const reasons = sevillaPage.getByRole('list', { name: 'Why Llíria' });
    await reasons.waitFor();
    expect(await reasons.getByRole('listitem').count()).toBeGreaterThan(0);
    await sevillaPage.getByRole('button', { name: 'Invite Llíria' }).click();
    await sevillaPage.getByText('Llíria is invited. It has been told.').waitFor();
    await partnerRow(sevillaPage, 'Llíria').getByText('Invited').waitFor();

    // Llíria, without reloading: the bell's badge and a toast.
    await lliriaPage.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor({ timeout: 15_000 });
    const inbox = await lliria.api.get('/notifications');
    const toast = lliriaPage.getByRole('status').filter({ hasText: inbox.body.items[0].title });
    await toast.waitFor();
    await toast.getByRole('link', { name: 'Open' }).click();
    await lliriaPage.waitForURL(`${origin()}/projects/${projectId}`);
    await lliriaPage.getByRole('heading', { level: 1, name: title }).waitFor();
    await lliriaPage.getByText('Sevilla invited Llíria to be a partner of this project.').waitFor();
    await lliriaPage.getByRole('button', { name: 'Accept the invitation' }).click();
    await lliriaPage.getByText('The invitation is accepted: Llíria is now a partner.').waitFor();
    await partnerRow(lliriaPage, 'Llíria').getByText('Accepted').waitFor();

    // Sevilla's page, never reloaded, shows the acceptance and now offers to start the project.
    await partnerRow(sevillaPage, 'Llíria').getByText('Accepted').waitFor({ timeout: 15_000 });
    await sevillaPage.getByRole('button', { name: 'Start the project' }).waitFor();
    await sevillaPage.getByRole('tab', { name: 'Timeline' }).click();
    await sevillaPage.getByRole('tabpanel').getByText('Llíria accepted the invitation.').waitFor();
  });

  it('a 409 ("Llíria has already answered") reloads the project and says so in plain words', async () => {
    const project = await proposeProject(sevilla, 'Bells and brass');
    expect((await sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId })).status).toBe(201);
    const page = await open();
    await signIn(page, origin(), marta);
    await page.goto(`${origin()}/projects/${project.id}`);
    const accept = page.getByRole('button', { name: 'Accept the invitation' });
    await accept.waitFor();

    // Another user of Llíria declines meanwhile. This page keeps being served the project as it
    // was (as if the live update had not arrived yet) until it sends its own answer.
    const stale = (await lliria.api.get(`/projects/${project.id}`)).body;
    let serveStale = true;
    await page.route(`**/api/v1/projects/${project.id}**`, async (route) => {
      const request = route.request();
      if (request.method() === 'POST') serveStale = false;
      if (serveStale && request.method() === 'GET' && new URL(request.url()).pathname.endsWith(`/projects/${project.id}`))
        return route.fulfill({ json: stale });
      return route.continue();
    });
    expect((await lliria.api.post(`/projects/${project.id}/invitations/${lliria.cityId}/decline`, {})).status).toBe(200);

    await accept.click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Llíria has already answered this invitation. The page now shows where things stand.' })
      .waitFor();
    await partnerRow(page, 'Llíria').getByText('Declined').waitFor();
    expect(await accept.count()).toBe(0);
  });

  it('an accepted partner posts an update; the lead sees it in Updates without reloading', async () => {
    const project = await proposeProject(sevilla, 'Organs of the Turia');
    await sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId });
    expect((await lliria.api.post(`/projects/${project.id}/invitations/${lliria.cityId}/accept`, {})).status).toBe(200);
    const lead = await open();
    const partner = await open();
    await Promise.all([signIn(lead, origin(), ana), signIn(partner, origin(), marta)]);
    await lead.goto(`${origin()}/projects/${project.id}`);
    await lead.getByText('No update yet. Post the first one', { exact: false }).waitFor();
    await partner.goto(`${origin()}/projects/${project.id}`);
    await partner.getByRole('combobox', { name: 'Kind' }).selectOption('milestone');
    await partner.getByRole('textbox', { name: 'Text' }).fill('First joint rehearsal held in Llíria.');
    await partner.getByRole('button', { name: 'Post the update' }).click();
    await partner.getByText('Your update is posted.', { exact: false }).waitFor();
    await lead.getByRole('tabpanel').getByText('First joint rehearsal held in Llíria.').waitFor({ timeout: 15_000 });
  });

  it('the propose form names each missing field next to it, summarises them and focuses the first', async () => {
    const page = await open();
    await signIn(page, origin(), ana);
    await page.goto(`${origin()}/projects/new`);
    await page.getByRole('button', { name: 'Propose the project' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Title: Enter the title.' }).waitFor();
    await summary.getByRole('link', { name: /Creative fields: Choose at least one/ }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'field-title');
    expect(await page.getByRole('textbox', { name: 'Title' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('only the lead gets the lead’s actions; a cancellation asks first and names its consequence', async () => {
    const page = await open();
    await signIn(page, origin(), ana);
    const projectId = await proposeThroughForm(page, origin(), 'Flamenco and dolçaina');
    await page.getByRole('button', { name: 'Cancel the project' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this project?' });
    await dialog.getByText('every partner city is told', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Go back' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const other = await open();
    await signIn(other, origin(), marta);
    await other.goto(`${origin()}/projects/${projectId}`);
    await other.getByRole('button', { name: 'Ask to join' }).waitFor();
    expect(await other.getByRole('button', { name: 'Cancel the project' }).count()).toBe(0);
    expect(await other.getByRole('tab', { name: 'Partner suggestions' }).count()).toBe(0);
  });

  it('speaks Spanish: the list, its filters and a project page', async () => {
    const page = await open();
    await signIn(page, origin(), marta);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Proyectos' }).click();
    await page.getByRole('heading', { level: 1, name: 'Proyectos' }).waitFor();
    await page.getByRole('link', { name: 'Proponer un proyecto' }).waitFor();
    await page.getByRole('combobox', { name: 'Estado' }).selectOption({ label: 'Propuesto' });
    await page.getByRole('button', { name: 'Mostrar proyectos' }).click();
    await page.getByRole('link', { name: 'Guitars of two cities' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Guitars of two cities' }).waitFor();
    await page.getByRole('heading', { name: 'Socias' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'ODS 11: Ciudades y comunidades sostenibles' }).waitFor();
    await page.getByRole('tab', { name: 'Cronología' }).click();
    await page.getByRole('tabpanel').getByText('Llíria aceptó la invitación.').waitFor();
  });

  it('axe-core finds no serious or critical violation on the list, the propose form and a project page', async () => {
    const page = await open();
    await signIn(page, origin(), ana);
    const found: string[] = [];
    await page.goto(`${origin()}/projects`);
    await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    await page.getByRole('link', { name: 'Guitars of two cities' }).first().waitFor();
    found.push(...(await seriousViolations(page, '/projects')));
    await page.goto(`${origin()}/projects/new`);
    await page.getByRole('heading', { level: 1, name: 'Propose a joint project' }).waitFor();
    await page.getByRole('button', { name: 'Propose the project' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    found.push(...(await seriousViolations(page, '/projects/new (with errors)')));
    await page.goto(`${origin()}/projects`);
    await page.getByRole('link', { name: 'Guitars of two cities' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Guitars of two cities' }).waitFor();
    await page.getByRole('region', { name: 'Partners' }).waitFor();
    found.push(...(await seriousViolations(page, '/projects/:id (updates)')));
    await page.getByRole('tab', { name: 'Partner suggestions' }).click();
    await page.getByRole('tabpanel').getByRole('list').first().waitFor();
    found.push(...(await seriousViolations(page, '/projects/:id (suggestions)')));
    expect(found).toEqual([]);
  });

  it('at 360 px wide nothing scrolls sideways: the list, the form and a project page', async () => {
    const page = await open({ viewport: { width: 360, height: 740 } });
    await signIn(page, origin(), ana);
    const overflow: Record<string, number> = {};
    await page.goto(`${origin()}/projects`);
    await page.getByRole('link', { name: 'Guitars of two cities' }).first().waitFor();
    overflow.list = await horizontalOverflow(page);
    await page.goto(`${origin()}/projects/new`);
    await page.getByRole('heading', { level: 1, name: 'Propose a joint project' }).waitFor();
    overflow.form = await horizontalOverflow(page);
    await page.goto(`${origin()}/projects`);
    await page.getByRole('link', { name: 'Guitars of two cities' }).first().click();
    await page.getByRole('region', { name: 'Partners' }).waitFor();
    overflow.project = await horizontalOverflow(page);
    expect(overflow).toEqual({ list: 0, form: 0, project: 0 });
  });
});
