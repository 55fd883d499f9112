import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The page's `document` and `window`, inside page.evaluate (the Node type-check has no DOM library). */
declare const document: { documentElement: { scrollWidth: number; clientWidth: number } };

/** axe-core's serious and critical violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** How far the page scrolls sideways (0 when everything fits the viewport's width). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Fills and sends the propose form as a city's focal point would, and waits for the project page. */
export async function proposeThroughForm(page: Page, origin: string, title: string): Promise<string> {
  await page.goto(`${origin}/projects`);
  await page.getByRole('link', { name: 'Propose a project' }).click();
  await page.getByRole('heading', { level: 1, name: 'Propose a joint project' }).waitFor();
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await page.getByRole('textbox', { name: 'Summary' }).fill('A season of guitar concerts and residencies shared by two music cities.');
  await page.getByRole('group', { name: 'Creative fields' }).getByRole('checkbox', { name: 'Music' }).check();
  await page.getByRole('checkbox', { name: 'Professional and artistic exchanges' }).check();
  await page.getByRole('checkbox', { name: 'Public sector' }).check();
  await page.getByRole('button', { name: 'Propose the project' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const url = new URL(page.url());
  return url.pathname.split('/').pop()!;
}
