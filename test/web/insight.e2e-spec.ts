import { waitFor } from '@app/testing';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { ok } from '../support/http-expectations';
import { proposeProject } from '../support/projects';
import { sharePractice } from '../support/practices';
import { webAppWith } from './support/accounts-pages';
import { openAsAdmin } from './support/admin-pages';
import { scrollWidth, seriousViolations } from './support/practices-pages';

jest.setTimeout(90_000);

/** What a download button saved, as text. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

/**
 * Network insight in Chromium: a small story built through the API (Bilbao leads a project with
 * Valencia as partner and shares a practice) shows in the counts, the collaboration graph (map,
 * network and table), Bilbao's report and the open-data downloads.
 */
describe('Insight in a browser', () => {
  const { app, admin, users, open, origin } = webAppWith(['bilbao', 'valencia']);
  const [bilbao, valencia] = users;
  const title = `Sound of two rivers ${Date.now().toString(36)}`;
  let practiceTitle: string;

  beforeAll(async () => {
    const project = await proposeProject(bilbao, title);
    await ok(bilbao.api.post(`/projects/${project.id}/invitations`, { cityId: valencia.cityId }));
    await ok(valencia.api.post(`/projects/${project.id}/invitations/${valencia.cityId}/accept`));
    practiceTitle = (await sharePractice(bilbao)).title;
    // The read models follow the event log: wait until they have the story.
    await waitFor(
      'the insight read models to count the story',
      async () => {
        const [stats, graph] = await Promise.all([admin.get('/stats'), admin.get('/network/graph')]);
        return stats.body.projects?.total === 1 && stats.body.practices?.total === 1 && graph.body.edges?.length === 1;
      },
      20_000,
    );
  }, 60_000);

  it('the overview counts the story: totals, the balance and the figures by field, in tables for screen readers', async () => {
    const page = await open();
    await openAsAdmin(page, admin, app.adminToken);
    await page.goto(`${origin()}/`);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Insight' }).click();
    await page.getByRole('heading', { level: 1, name: 'Insight' }).waitFor();
    const totals = page.getByRole('list', { name: 'In total' });
    await totals
      .getByRole('listitem')
      .filter({ hasText: /^1 project$/ })
      .waitFor();
    await totals
      .getByRole('listitem')
      .filter({ hasText: /^1 practice shared$/ })
      .waitFor();
    await totals
      .getByRole('listitem')
      .filter({ hasText: /^11 member cities$/ })
      .waitFor();
    await page.getByText('0 of 1 collaboration (0 %) joins cities of different regions.').waitFor();

    const byField = page.getByRole('table', { name: 'Projects by creative field' });
    expect(await byField.getByRole('row', { name: 'Music 1' }).count()).toBe(1);
    expect(await byField.getByRole('row', { name: 'Design 0' }).count()).toBe(1);
    await page.getByRole('radio', { name: 'Practices' }).check();
    const practices = page.getByRole('table', { name: 'Practices by creative field' });
    expect(await practices.getByRole('row', { name: 'Design 1' }).count()).toBe(1);
    // The table can be shown on screen too.
    await page.getByRole('button', { name: 'Show or hide the table: Practices by creative field' }).click();
    expect(await practices.isVisible()).toBe(true);
  });

  it('the collaboration graph: the pair on the map, as a network and in the table', async () => {
    const page = await open();
    await openAsAdmin(page, admin, app.adminToken);
    await page.goto(`${origin()}/insight`);
    await page.getByRole('navigation', { name: 'Insight sections' }).getByRole('link', { name: 'Collaboration graph' }).click();
    await page.getByRole('heading', { level: 1, name: 'Collaboration graph' }).waitFor();
    await page.getByRole('status').filter({ hasText: '1 pair of partner cities.' }).waitFor();
    const table = page.getByRole('table', { name: 'Pairs of partner cities, the most shared first' });
    const row = table.getByRole('row').filter({ hasText: 'Bilbao' }).filter({ hasText: 'Valencia' });
    const pair = [...(await row.getByRole('rowheader').allTextContents()), ...(await row.getByRole('cell').allTextContents())];
    expect([pair.slice(0, 2).sort(), pair.slice(2)]).toEqual([
      ['Bilbao', 'Valencia'],
      ['1', '0'],
    ]);
    const map = page.getByRole('group', { name: 'World map of the collaborations' });
    await map.getByRole('link', { name: 'Bilbao: 1 partner city' }).waitFor();
    await map.getByRole('link', { name: 'Valencia: 1 partner city' }).waitFor();

    await page.getByRole('radio', { name: 'As a network' }).check();
    const network = page.getByRole('group', { name: 'Network of the collaborations' });
    await network.getByRole('link', { name: 'Bilbao: 1 partner city' }).waitFor();
    await network.getByRole('link', { name: 'Valencia: 1 partner city' }).click();
    await page.waitForURL(`**/cities/${valencia.cityId}`);

    // A filter with no pair says what to do next.
    await page.goto(`${origin()}/insight/network?field=film`);
    await page.getByText('No two cities work together yet with these filters.').waitFor();
  });

  it('Bilbao reads its report and downloads it; the open data downloads hold the story', async () => {
    const page = await open();
    await openAsAdmin(page, bilbao.api, bilbao.token);
    await page.goto(`${origin()}/insight/report`);
    await page.getByRole('heading', { level: 1, name: 'City report' }).waitFor();
    const report = page.getByRole('article');
    await report.getByRole('heading', { level: 2, name: /^Bilbao, / }).waitFor();
    const led = report.getByRole('region', { name: 'Projects led' });
    await led.getByRole('link', { name: title }).waitFor();
    await report.getByRole('region', { name: 'Partner cities' }).getByText('Valencia: 1 shared projects, 0 completed exchanges').waitFor();
    await report.getByRole('region', { name: 'Practices shared' }).getByRole('link', { name: practiceTitle }).waitFor();

    const csv = await downloaded(page, () => report.getByRole('button', { name: 'Download (CSV)' }).click());
    expect(csv.name).toMatch(/^report-Bilbao-.*\.csv$/);
    expect(csv.text).toContain(title);
    const html = await downloaded(page, () => report.getByRole('button', { name: 'Download the printable page (HTML)' }).click());
    expect(html.text).toContain(title);

    await page.getByRole('navigation', { name: 'Insight sections' }).getByRole('link', { name: 'Open data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Open data' }).waitFor();
    const projects = await downloaded(page, () => page.getByRole('button', { name: 'Projects (CSV)' }).click());
    expect(projects.name).toBe('projects.csv');
    expect(projects.text).toContain(title);
    const practices = await downloaded(page, () => page.getByRole('button', { name: 'Practices (NDJSON)' }).click());
    expect(
      practices.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).title),
    ).toEqual([practiceTitle]);
  });

  it('every insight page: no serious or critical axe violation, nothing scrolls sideways at 360 px', async () => {
    const found: string[] = [];
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 360, height: 740 },
    ]) {
      const page = await open({ viewport });
      await openAsAdmin(page, admin, app.adminToken);
      for (const path of [
        '/insight',
        '/insight/network',
        '/insight/network?view=network',
        `/insight/report?city=${bilbao.cityId}`,
        '/insight/open-data',
      ]) {
        await page.goto(`${origin()}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.getByRole('status').filter({ hasText: 'Loading' }).waitFor({ state: 'detached' });
        if (path.startsWith('/insight/network')) await page.getByRole('group', { name: /of the collaborations$/ }).waitFor();
        if (path.startsWith('/insight/report')) await page.getByRole('article').waitFor();
        found.push(...(await seriousViolations(page, `${path} at ${viewport.width}px`)));
        if (viewport.width === 360) expect([path, await scrollWidth(page)]).toEqual([path, 360]);
      }
    }
    expect(found).toEqual([]);
  });
});
