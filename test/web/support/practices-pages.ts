import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The page's `document`, inside page.evaluate (the Node type-check has no DOM library). */
declare const document: { documentElement: { scrollWidth: number } };

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.0–2.2 A/AA). */
export async function seriousViolations(page: Page, label: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** How wide the page's content is: above the viewport's width, it scrolls sideways. */
export const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

export interface PracticeInput {
  title: string;
  summary: string;
  body: string;
  field: string;
  sdg: string;
  tags: string;
}

/** Fills the share form by its labels and sends it; resolves on the new practice's page. */
export async function sharePractice(page: Page, origin: string, p: PracticeInput): Promise<string> {
  await page.getByRole('textbox', { name: 'Title (required)' }).fill(p.title);
  await page.getByRole('textbox', { name: /^Summary \(required\)/ }).fill(p.summary);
  await page.getByRole('textbox', { name: /^Description \(required\)/ }).fill(p.body);
  await page.getByRole('combobox', { name: 'Creative field (required)' }).selectOption({ label: p.field });
  await page
    .getByRole('group', { name: /Sustainable Development Goals/ })
    .getByRole('checkbox', { name: p.sdg })
    .check();
  await page.getByRole('textbox', { name: /^Keywords/ }).fill(p.tags);
  await page.getByRole('combobox', { name: /^Language it is written in/ }).selectOption('en');
  await page.getByRole('button', { name: 'Share the practice' }).click();
  await page.getByRole('heading', { level: 1, name: p.title }).waitFor();
  const match = new RegExp(`^${origin}/practices/([^/?#]+)$`).exec(page.url());
  if (!match) throw new Error(`not on a practice page: ${page.url()}`);
  return decodeURIComponent(match[1]);
}
