import type { Page } from 'playwright-core';
import { proposeProject } from '../support/projects';
import { scrollWidth, seriousViolations } from './support/practices-pages';
import { createFocalPoint, signIn, webAppWithCities, type FocalPoint } from './support/web-app';

jest.setTimeout(120_000);

/** The page's `document`, inside page.evaluate (the Node type-check has no DOM library). */
declare const document: { activeElement: { tagName?: string; textContent?: string } | null; body: unknown };

/** What has focus now: its tag and text (never <body> after an action removed its button). */
const focused = (page: Page) => page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent ?? '' }));

/** Signs in through the sign-in page in Spanish (the browser's language) and waits for home. */
async function signInSpanish(page: Page, origin: string, user: FocalPoint): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
  await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(user.email);
  await page.getByRole('textbox', { name: 'Contraseña' }).fill(user.password);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await page.getByRole('heading', { level: 1, name: `Hola, ${user.name}` }).waitFor();
}

/**
 * Home in Chromium: what needs the city's answer, answered in place (invitations, join requests,
 * exchange requests), its projects, its field and its live activity. By role and accessible name only.
 */
describe('Home in a browser', () => {
  const { admin, users, open, origin } = webAppWithCities(['sevilla', 'lliria', 'bilbao']);
  const [sevilla, lliria, bilbao] = users;
  let ana: FocalPoint; // Sevilla (music), leads projects
  let marta: FocalPoint; // Llíria (music), invited; hosts exchanges

  beforeAll(async () => {
    [ana, marta] = await Promise.all([
      createFocalPoint(admin, sevilla.cityId, 'Ana of Sevilla'),
      createFocalPoint(admin, lliria.cityId, 'Marta of Llíria'),
    ]);
  });

  it('Llíria answers invitations with the inline buttons: each leaves "Needs your answer", focus is kept, a decline is confirmed first', async () => {
    const accepted = await proposeProject(sevilla, 'Harps of the two rivers');
    const declined = await proposeProject(sevilla, 'Drums at dawn');
    for (const p of [accepted, declined])
      expect((await sevilla.api.post(`/projects/${p.id}/invitations`, { cityId: lliria.cityId, message: 'Join us!' })).status).toBe(201);

    const page = await open();
    await signIn(page, origin(), marta);
    const needs = page.getByRole('region', { name: 'Needs your answer' });
    const item = (title: string) => needs.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
    await item(accepted.title).getByText('Sevilla invites your city to take part in this project.').waitFor();
    await item(accepted.title).getByText('Join us!').waitFor();

    await needs.getByRole('button', { name: `Accept: ${accepted.title}` }).click();
    await needs.getByText(`You accepted: your city is now a partner of “${accepted.title}”.`).waitFor();
    await item(accepted.title).waitFor({ state: 'detached' });
    expect((await focused(page)).text).toContain('You accepted');
    // It is now one of "Your projects", with its lead and status.
    const mine = page.getByRole('region', { name: 'Your projects' }).getByRole('listitem').filter({ hasText: accepted.title });
    await mine.getByText('With Sevilla').waitFor();
    await mine.getByText('Proposed').waitFor();
    const project = await sevilla.api.get(`/projects/${accepted.id}`);
    expect(project.body.partners.find((p: { cityId: string }) => p.cityId === lliria.cityId).status).toBe('accepted');

    // Declining asks first, naming the consequence; then the item goes and focus goes to what happened.
    await needs.getByRole('button', { name: `Decline: ${declined.title}` }).click();
    const dialog = page.getByRole('dialog', { name: `Decline the invitation to “${declined.title}”?` });
    await dialog.getByText('Your city will not take part').waitFor();
    await dialog.getByRole('button', { name: 'Decline the invitation' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await item(declined.title).waitFor({ state: 'detached' });
    await needs.getByText(`You declined the invitation to “${declined.title}”.`).waitFor();
    expect((await focused(page)).text).toContain('You declined');
  });

  it('says it in plain words when a colleague answered first (409), and the list catches up', async () => {
    const p = await proposeProject(sevilla, 'Bells over the valley');
    expect((await sevilla.api.post(`/projects/${p.id}/invitations`, { cityId: lliria.cityId })).status).toBe(201);
    const page = await open();
    await signIn(page, origin(), marta);
    const needs = page.getByRole('region', { name: 'Needs your answer' });
    const accept = needs.getByRole('button', { name: `Accept: ${p.title}` });
    await accept.waitFor();
    // Another person of Llíria accepts meanwhile (Llíria itself is not notified of its own answer).
    expect((await lliria.api.post(`/projects/${p.id}/invitations/${lliria.cityId}/accept`, {})).status).toBeLessThan(300);
    await accept.click();
    await needs.getByText(`This invitation had already been answered or withdrawn (“${p.title}”). The list now shows how things stand.`).waitFor();
    await accept.waitFor({ state: 'detached' });
  });

  it('the lead approves a join request that arrived live, from home', async () => {
    const p = await proposeProject(sevilla, 'Organs in the old town');
    const page = await open();
    await signIn(page, origin(), ana);
    const needs = page.getByRole('region', { name: 'Needs your answer' });
    await page.getByRole('region', { name: 'Your projects' }).getByRole('link', { name: p.title }).waitFor();

    // Bilbao asks to join while Sevilla's home is open: it appears without a reload.
    expect((await bilbao.api.post(`/projects/${p.id}/join-requests`, { message: 'We design the stages.' })).status).toBeLessThan(300);
    const item = needs.getByRole('listitem').filter({ has: page.getByRole('link', { name: p.title }) });
    await item.getByText('Bilbao asks to join your project.').waitFor({ timeout: 15_000 });
    await item.getByText('We design the stages.').waitFor();
    await page.getByRole('region', { name: 'Activity' }).getByRole('listitem').first().waitFor();

    await needs.getByRole('button', { name: `Approve: Bilbao, ${p.title}` }).click();
    await needs.getByText(`Approved: Bilbao, ${p.title}. The city is now a partner.`).waitFor();
    await item.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Your projects' }).getByRole('listitem').filter({ hasText: p.title }).getByText('With Bilbao').waitFor();
    const project = await sevilla.api.get(`/projects/${p.id}`);
    expect(project.body.partners.find((x: { cityId: string }) => x.cityId === bilbao.cityId).status).toBe('accepted');
  });

  it('Llíria hosts an exchange request from home (dates shown as the days asked for), and axe finds nothing serious', async () => {
    const practice = await lliria.api.post('/practices', {
      title: 'Band schools for every child',
      summary: 'How Llíria teaches music through its bands.',
      body: 'Every neighbourhood has a band school.',
      field: 'music',
      sdgs: [4],
      tags: ['bands'],
      language: 'en',
    });
    expect(practice.status).toBe(201);
    const asked = await bilbao.api.post(`/practices/${practice.body.id}/exchanges`, {
      format: 'study-visit',
      message: 'May we visit your band schools?',
      proposedDates: { from: '2026-05-04', to: '2026-05-08' },
    });
    expect(asked.status).toBe(201);
    // West of Greenwich: a date-only "2026-05-04" read as UTC midnight would show as 3 May there.
    const page = await open({ timezoneId: 'America/Lima' });
    await signIn(page, origin(), marta);
    const needs = page.getByRole('region', { name: 'Needs your answer' });
    const item = needs.getByRole('listitem').filter({ has: page.getByRole('link', { name: practice.body.title }) });
    await item.getByText('Bilbao asks for an exchange on your practice: study visit, May 4, 2026 to May 8, 2026.').waitFor();

    expect(await seriousViolations(page, 'home')).toEqual([]);
    // On a 360 px phone: one column, nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 800 });

    await needs.getByRole('button', { name: `Accept: Bilbao, ${practice.body.title}` }).click();
    await needs.getByText(`Exchange accepted: Bilbao, ${practice.body.title}. The requesting city has been told.`).waitFor();
    await item.waitFor({ state: 'detached' });
    expect((await lliria.api.get(`/exchanges/${asked.body.id}`)).body.status).toBe('accepted');
    expect(await seriousViolations(page, 'home after an answer')).toEqual([]);
  });

  it('story 4: the whole flow once in Spanish (sign in, home, propose, invite, accept in another context, a practice, the inbox)', async () => {
    const lead = await open({ locale: 'es-ES' });
    const partner = await open({ locale: 'es-ES' });
    await Promise.all([signInSpanish(lead, origin(), ana), signInSpanish(partner, origin(), marta)]);

    // Home, in Spanish.
    for (const name of ['Pendiente de su respuesta', 'Sus proyectos', 'Actividad', /^Novedades de su ámbito/])
      await partner.getByRole('region', { name }).waitFor();
    await partner.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Proyectos' }).waitFor();

    // Sevilla proposes through the form and invites Llíria from the suggestions.
    const title = 'Zarzuela entre dos ciudades';
    await lead.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Proyectos' }).click();
    await lead.getByRole('heading', { level: 1, name: 'Proyectos' }).waitFor();
    await lead.getByRole('link', { name: 'Proponer un proyecto' }).click();
    await lead.getByRole('heading', { level: 1, name: 'Proponer un proyecto conjunto' }).waitFor();
    await lead.getByRole('textbox', { name: 'Título' }).fill(title);
    await lead.getByRole('textbox', { name: 'Resumen' }).fill('Una temporada de zarzuela compartida por dos ciudades de la música.');
    await lead.getByRole('group', { name: 'Ámbitos creativos' }).getByRole('checkbox', { name: 'Música' }).check();
    await lead.getByRole('checkbox', { name: 'Intercambios profesionales y artísticos' }).check();
    await lead.getByRole('checkbox', { name: 'Sector público', exact: true }).check();
    await lead.getByRole('button', { name: 'Proponer el proyecto' }).click();
    await lead.getByRole('heading', { level: 1, name: title }).waitFor();
    await lead.getByRole('tab', { name: 'Sugerencias de socias' }).waitFor();
    await lead.getByRole('button', { name: 'Invitar Llíria' }).click();
    await lead.getByText('Llíria está invitada. Se le ha avisado.').waitFor();

    // Llíria, in its own browser, sees it live on home and accepts there.
    const needs = partner.getByRole('region', { name: 'Pendiente de su respuesta' });
    await needs.getByText('Sevilla invita a su ciudad a participar en este proyecto.').waitFor({ timeout: 15_000 });
    await partner.getByRole('link', { name: /^Notificaciones, [1-9]\d* sin leer$/ }).waitFor();
    await needs.getByRole('button', { name: `Aceptar: ${title}` }).click();
    await needs.getByText(`Ha aceptado: su ciudad ya es socia de «${title}».`).waitFor();
    await partner.getByRole('region', { name: 'Sus proyectos' }).getByRole('link', { name: title }).click();
    await partner.getByRole('heading', { level: 1, name: title }).waitFor();
    await partner.getByRole('region', { name: 'Socias' }).getByRole('listitem').filter({ hasText: 'Llíria' }).getByText('Aceptada').waitFor();
    // Sevilla's project page shows the acceptance live.
    await lead
      .getByRole('region', { name: 'Socias' })
      .getByRole('listitem')
      .filter({ hasText: 'Llíria' })
      .getByText('Aceptada')
      .waitFor({ timeout: 15_000 });

    // A practice of its field, from home.
    const shared = await sevilla.api.post('/practices', {
      title: 'Coros de barrio',
      summary: 'Cómo Sevilla abrió un coro en cada barrio.',
      body: 'Un coro por barrio, con ensayos abiertos.',
      field: 'music',
      sdgs: [11],
      tags: ['coros'],
      language: 'es',
    });
    expect(shared.status).toBe(201);
    await partner.getByRole('banner').getByRole('link', { name: 'Creative Cities Exchange' }).click();
    await partner.getByRole('heading', { level: 1, name: `Hola, ${marta.name}` }).waitFor();
    const field = partner.getByRole('region', { name: /^Novedades de su ámbito/ });
    await field.getByRole('link', { name: 'Coros de barrio' }).click();
    await partner.getByRole('heading', { level: 1, name: 'Coros de barrio' }).waitFor();
    await partner.getByRole('button', { name: 'Pedir un intercambio' }).waitFor();
    await partner.getByText('Compartida el', { exact: false }).first().waitFor();

    // The inbox.
    await partner.getByRole('link', { name: /^Notificaciones, \d+ sin leer$/ }).click();
    await partner.getByRole('heading', { level: 1, name: 'Bandeja de entrada' }).waitFor();
    await partner.getByRole('link', { name: 'Elegir qué llega a su bandeja' }).waitFor();
  });
});
