import { createFocalPoint, signIn, webAppWithCities, type FocalPoint } from './support/web-app';
import { scrollWidth, seriousViolations, sharePractice } from './support/practices-pages';

jest.setTimeout(120_000);

/** The page's `document`, inside page.evaluate (the Node type-check has no DOM library). */
declare const document: { activeElement: unknown };

/**
 * Practices and exchanges in Chromium against the whole application, as two cities' focal points
 * use them (issue #11, story 2). Elements are found by role and accessible name only.
 */
describe('Practices and exchanges in a browser', () => {
  const { admin, users, open, origin } = webAppWithCities(['bilbao', 'valencia']);
  const [bilbao, valencia] = users;
  let bilbaoFocal: FocalPoint;
  let valenciaFocal: FocalPoint;
  const word = `txakoli${Date.now().toString(36)}`;
  const title = `Design week in the old town ${word}`;

  beforeAll(async () => {
    bilbaoFocal = await createFocalPoint(admin, bilbao.cityId, 'Ane of Bilbao');
    valenciaFocal = await createFocalPoint(admin, valencia.cityId, 'Pau of València');
  });

  it('story 2: Bilbao shares a practice; Valencia finds it by search, endorses it and asks for an exchange; Bilbao accepts it', async () => {
    const b = await open();
    await signIn(b, origin(), bilbaoFocal);
    await b.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Practices' }).click();
    await b.getByRole('heading', { level: 1, name: 'Practices' }).waitFor();
    await b.getByRole('link', { name: 'Share a practice' }).click();
    await b.getByRole('heading', { level: 1, name: 'Share a practice' }).waitFor();
    const practiceId = await sharePractice(b, origin(), {
      title,
      summary: 'Shops of the Casco Viejo open their workshops to designers for a week.',
      body: `## How\n\nWe paired **twenty shops** with designers.\n\n<script>alert(1)</script>\n\n- a map\n- a [programme](https://example.org/programme)`,
      field: 'Design',
      sdg: '11. Sustainable Cities and Communities',
      tags: 'heritage, retail',
    });
    // Markdown rendered, raw HTML only shown as text; the language badge and the author city.
    await b.getByRole('heading', { level: 4, name: 'How' }).waitFor();
    await b.getByText('twenty shops', { exact: true }).waitFor();
    expect(await b.getByText('<script>alert(1)</script>').count()).toBe(1);
    await b.getByText('Written in English').waitFor();
    expect(await b.getByRole('button', { name: 'Endorse' }).count()).toBe(0); // not its own

    const v = await open();
    await signIn(v, origin(), valenciaFocal);
    await v.goto(`${origin()}/practices`);
    await v.getByRole('searchbox', { name: 'Words to find' }).fill(word);
    await v.getByRole('button', { name: 'Search' }).click();
    await v.getByRole('status').filter({ hasText: '1 practice found.' }).waitFor();
    await v.getByRole('list', { name: 'Practices found' }).getByRole('link', { name: title }).click();
    await v.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(v.url()).toBe(`${origin()}/practices/${practiceId}`);
    await v.getByText('By Bilbao').waitFor();

    await v.getByRole('status').filter({ hasText: '0 endorsements' }).waitFor();
    await v.getByRole('button', { name: 'Endorse' }).click();
    await v.getByRole('status').filter({ hasText: '1 endorsement · your city endorses it' }).waitFor();
    await v.getByRole('button', { name: 'Withdraw the endorsement' }).waitFor();

    await v.getByRole('button', { name: 'Ask for an exchange' }).click();
    const ask = v.getByRole('dialog', { name: 'Ask Bilbao for an exchange' });
    await ask.getByRole('combobox', { name: 'Format (required)' }).selectOption('study-visit');
    await ask.getByRole('textbox', { name: /^Message/ }).fill('We would like to bring our shopkeepers for three days.');
    await ask.getByRole('group', { name: 'Proposed dates (optional)' }).getByLabel('From').fill('2026-05-04');
    await ask.getByRole('group', { name: 'Proposed dates (optional)' }).getByLabel('To').fill('2026-05-06');
    await ask.getByRole('button', { name: 'Send the request' }).click();
    await ask.getByRole('status').filter({ hasText: 'Request sent. Bilbao has been told.' }).waitFor();
    await ask.getByRole('button', { name: 'Close' }).first().click();

    // Bilbao: the request waits on its exchanges page, as host.
    await b.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Exchanges' }).click();
    await b.getByRole('heading', { level: 1, name: 'Exchanges' }).waitFor();
    expect(await b.getByRole('link', { name: 'As host' }).getAttribute('aria-current')).toBe('page');
    const card = b.getByRole('listitem').filter({ has: b.getByRole('heading', { name: title }) });
    await card.getByText('Waiting for an answer').waitFor();
    await card.getByText('Asked by Valencia').waitFor();
    await card.getByRole('button', { name: /^Accept/ }).click();
    const accept = b.getByRole('dialog', { name: 'Accept the exchange with Valencia' });
    await accept.getByRole('textbox', { name: /^Message to the requesting city/ }).fill('Welcome! Those dates suit us.');
    await accept.getByRole('button', { name: 'Accept the exchange' }).click();
    await card.getByRole('status').filter({ hasText: 'Accepted. Valencia has been told.' }).waitFor();
    await card.getByText('Accepted', { exact: true }).waitFor();
    expect(await card.getByRole('button', { name: /^Accept/ }).count()).toBe(0);

    const mine = await valencia.api.get('/exchanges?role=requester');
    expect(mine.body.items.map((e: { practiceId: string; status: string }) => [e.practiceId, e.status])).toEqual([[practiceId, 'accepted']]);
    const practice = await valencia.api.get(`/practices/${practiceId}`);
    expect(practice.body.endorsementCount).toBe(1);

    // Valencia, as requester, may now mark it as happened (or cancel); the host waits.
    await v.goto(`${origin()}/exchanges?role=requester`);
    const asked = v.getByRole('listitem').filter({ has: v.getByRole('heading', { name: title }) });
    await asked.getByRole('button', { name: /^Mark as happened/ }).waitFor();
    await asked.getByRole('button', { name: /^Cancel the exchange/ }).waitFor();
  });

  it('names missing fields next to them and in the summary, focusing the first; a comment appears live on the other page', async () => {
    const b = await open();
    await signIn(b, origin(), bilbaoFocal);
    await b.goto(`${origin()}/practices/new`);
    await b.getByRole('button', { name: 'Share the practice' }).click();
    const summary = b.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Title (required): Enter a title.' }).waitFor();
    await summary.getByRole('link', { name: 'Sustainable Development Goals: Choose at least one goal.' }).waitFor();
    expect(await b.getByRole('textbox', { name: 'Title (required)' }).evaluate((el) => el === document.activeElement)).toBe(true);

    const shared = await bilbao.api.post('/practices', {
      title: `Open studios ${Date.now()}`,
      summary: 'Studios open once a month.',
      body: 'Once a month.',
      field: 'design',
      sdgs: [11],
      tags: [],
      language: 'en',
    });
    expect(shared.status).toBe(201);
    await b.goto(`${origin()}/practices/${shared.body.id}`);
    await b.getByRole('heading', { level: 2, name: 'Comments' }).waitFor();
    const v = await open();
    await signIn(v, origin(), valenciaFocal);
    await v.goto(`${origin()}/practices/${shared.body.id}`);
    await v.getByRole('textbox', { name: 'Your comment' }).fill('How did you choose the studios?');
    await v.getByRole('button', { name: 'Post the comment' }).click();
    await v.getByRole('list', { name: 'Comments' }).getByText('How did you choose the studios?', { exact: true }).waitFor();
    // Bilbao's page shows it without reloading.
    await b.getByRole('list', { name: 'Comments' }).getByText('How did you choose the studios?', { exact: true }).waitFor({ timeout: 15_000 });
    await b.getByRole('heading', { level: 2, name: '1 comment' }).waitFor();
  });

  it('says in plain words when the other city acted first (409), and shows the exchange reloaded', async () => {
    const shared = await bilbao.api.post('/practices', {
      title: `Light festival ${Date.now()}`,
      summary: 'Design students light the river.',
      body: 'Every winter.',
      field: 'design',
      sdgs: [11],
      tags: [],
      language: 'en',
    });
    const asked = await valencia.api.post(`/practices/${shared.body.id}/exchanges`, { format: 'online', message: 'Could we talk online?' });
    expect(asked.status).toBe(201);
    const b = await open();
    await signIn(b, origin(), bilbaoFocal);
    await b.goto(`${origin()}/exchanges/${asked.body.id}`);
    await b.getByRole('heading', { name: shared.body.title }).waitFor();
    await b.getByRole('button', { name: /^Decline/ }).click();
    const dialog = b.getByRole('dialog', { name: 'Decline the request of Valencia' });
    await dialog.getByText('This cannot be undone', { exact: false }).waitFor();
    // Valencia cancels while Bilbao is about to decline.
    expect((await valencia.api.post(`/exchanges/${asked.body.id}/cancel`, { reason: 'Plans changed' })).status).toBe(200);
    await dialog.getByRole('button', { name: 'Decline the request' }).click();
    await b.getByRole('alert').filter({ hasText: 'Valencia had already cancelled this exchange. It has been reloaded.' }).waitFor();
    await b.getByText('Cancelled', { exact: true }).waitFor();
    await b.getByText('Plans changed', { exact: true }).waitFor();
    expect(await b.getByRole('button', { name: /^Decline/ }).count()).toBe(0);
  });

  it('lets the requester mark an accepted exchange as happened, with a rating and feedback the dialog asks for', async () => {
    const shared = await bilbao.api.post('/practices', {
      title: `Makers' fair ${Date.now()}`,
      summary: 'A fair of local makers.',
      body: 'Twice a year.',
      field: 'design',
      sdgs: [8],
      tags: [],
      language: 'en',
    });
    const asked = await valencia.api.post(`/practices/${shared.body.id}/exchanges`, { format: 'study-visit', message: 'May we visit?' });
    expect((await bilbao.api.post(`/exchanges/${asked.body.id}/accept`, { message: 'Of course.' })).status).toBe(200);
    const v = await open();
    await signIn(v, origin(), valenciaFocal);
    await v.goto(`${origin()}/exchanges?role=requester`);
    const card = v.getByRole('listitem').filter({ has: v.getByRole('heading', { name: shared.body.title }) });
    await card.getByText('Of course.', { exact: true }).waitFor();
    await card.getByRole('button', { name: /^Mark as happened/ }).click();
    const dialog = v.getByRole('dialog', { name: 'Mark the exchange with Bilbao as happened' });
    await dialog.getByRole('button', { name: 'Save: it happened' }).click();
    await dialog.getByRole('alert').getByRole('link', { name: 'Rating (required): Choose a rating.' }).waitFor();
    await dialog.getByRole('group', { name: 'Rating (required)' }).getByRole('radio', { name: '5 – excellent' }).check();
    await dialog.getByRole('textbox', { name: 'Feedback (required)' }).fill('Our shopkeepers came back full of ideas.');
    await dialog.getByRole('button', { name: 'Save: it happened' }).click();
    await card.getByRole('status').filter({ hasText: 'Marked as happened. Bilbao has been told.' }).waitFor();
    await card.getByText('Rated 5 out of 5').waitFor();
    expect(await card.getByRole('button').count()).toBe(0);
    const done = await bilbao.api.get(`/exchanges/${asked.body.id}`);
    expect([done.body.status, done.body.rating]).toEqual(['completed', 5]);
  });

  it('edits a practice; when it changed meanwhile (an endorsement), says so, keeps the edits and saves on the latest version', async () => {
    const shared = await bilbao.api.post('/practices', {
      title: `Street markets ${Date.now()}`,
      summary: 'Design markets in the streets.',
      body: 'Every Sunday.',
      field: 'design',
      sdgs: [11],
      tags: [],
      language: 'en',
    });
    const b = await open();
    await signIn(b, origin(), bilbaoFocal);
    await b.goto(`${origin()}/practices/${shared.body.id}`);
    await b.getByRole('link', { name: 'Edit' }).click();
    await b.getByRole('heading', { level: 1, name: 'Edit the practice' }).waitFor();
    const newTitle = `${shared.body.title} and squares`;
    await b.getByRole('textbox', { name: 'Title (required)' }).fill(newTitle);
    // Valencia endorses it meanwhile: the version Bilbao's form holds is no longer current.
    expect((await valencia.api.post(`/practices/${shared.body.id}/endorsements`, {})).status).toBe(201);
    await b.getByRole('button', { name: 'Save the changes' }).click();
    await b.getByRole('alert').filter({ hasText: 'This practice changed while you were editing it' }).waitFor();
    expect(await b.getByRole('textbox', { name: 'Title (required)' }).inputValue()).toBe(newTitle);
    await b.getByRole('button', { name: 'Save the changes' }).click();
    await b.getByRole('heading', { level: 1, name: newTitle }).waitFor();
    await b
      .getByRole('status')
      .filter({ hasText: /^1 endorsement$/ })
      .waitFor();
    const saved = await bilbao.api.get(`/practices/${shared.body.id}`);
    expect([saved.body.title, saved.body.endorsementCount]).toEqual([newTitle, 1]);
  });

  it('speaks Spanish: the library, a practice and the exchanges', async () => {
    const page = await open();
    await signIn(page, origin(), valenciaFocal);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Prácticas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prácticas' }).waitFor();
    await page.getByRole('searchbox', { name: 'Palabras que buscar' }).waitFor();
    await page.getByRole('link', { name: 'Compartir una práctica' }).waitFor();
    await page.getByRole('list', { name: 'Prácticas encontradas' }).getByRole('link').first().click();
    await page.getByRole('button', { name: 'Pedir un intercambio' }).waitFor();
    await page.goto(`${origin()}/exchanges`);
    await page.getByRole('heading', { level: 1, name: 'Intercambios' }).waitFor();
    await page.getByRole('link', { name: 'Como solicitante' }).waitFor();
  });

  it('axe-core finds no serious or critical violation on the library, the share form, a practice and the exchanges', async () => {
    const shared = await bilbao.api.post('/practices', {
      title: `Audited practice ${Date.now()}`,
      summary: 'For the audit.',
      body: '# A heading\n\nText with a [link](https://example.org).',
      field: 'design',
      sdgs: [4, 11],
      tags: ['audit'],
      language: 'es',
      outcomes: 'Many visitors.',
      links: [{ title: 'Programme', url: 'https://example.org/programme' }],
    });
    await valencia.api.post(`/practices/${shared.body.id}/comments`, { text: 'Nice work.' });
    await valencia.api.post(`/practices/${shared.body.id}/exchanges`, { format: 'mentoring', message: 'Mentoring, please.' });
    const page = await open();
    await signIn(page, origin(), bilbaoFocal);
    const found: string[] = [];
    await page.goto(`${origin()}/practices`);
    await page.getByRole('list', { name: 'Practices found' }).getByRole('link').first().waitFor();
    found.push(...(await seriousViolations(page, 'library')));
    await page.goto(`${origin()}/practices/new`);
    await page.getByRole('heading', { level: 1, name: 'Share a practice' }).waitFor();
    await page.getByRole('button', { name: 'Share the practice' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    found.push(...(await seriousViolations(page, 'share form with errors')));
    await page.goto(`${origin()}/practices/${shared.body.id}`);
    await page.getByRole('list', { name: 'Comments' }).getByText('Nice work.', { exact: true }).waitFor();
    found.push(...(await seriousViolations(page, 'practice')));
    await page.goto(`${origin()}/exchanges`);
    await page
      .getByRole('button', { name: /^Accept/ })
      .first()
      .waitFor();
    found.push(...(await seriousViolations(page, 'exchanges')));
    await page
      .getByRole('button', { name: /^Decline/ })
      .first()
      .click();
    await page.getByRole('dialog').waitFor();
    found.push(...(await seriousViolations(page, 'decline dialog')));
    expect(found).toEqual([]);
  });

  it('scrolls nothing sideways on a 360 px phone', async () => {
    const page = await open({ viewport: { width: 360, height: 740 } });
    await signIn(page, origin(), valenciaFocal);
    const widths: Record<string, number> = {};
    await page.goto(`${origin()}/practices`);
    await page.getByRole('list', { name: 'Practices found' }).getByRole('link').first().waitFor();
    widths.library = await scrollWidth(page);
    await page.getByRole('list', { name: 'Practices found' }).getByRole('link').first().click();
    await page.getByRole('button', { name: 'Ask for an exchange' }).waitFor();
    widths.practice = await scrollWidth(page);
    await page.getByRole('button', { name: 'Ask for an exchange' }).click();
    await page.getByRole('dialog').waitFor();
    widths.askDialog = await scrollWidth(page);
    await page.goto(`${origin()}/practices/new`);
    await page.getByRole('heading', { level: 1, name: 'Share a practice' }).waitFor();
    widths.share = await scrollWidth(page);
    await page.goto(`${origin()}/exchanges?role=requester`);
    await page
      .getByRole('button', { name: /^Cancel the exchange/ })
      .first()
      .waitFor();
    widths.exchanges = await scrollWidth(page);
    expect(widths).toEqual({ library: 360, practice: 360, askDialog: 360, share: 360, exchanges: 360 });
  });
});
