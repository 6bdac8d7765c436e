import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { builtPages } from './site-pages';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function violations(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return violations.map((v) => `${v.id}: ${v.help} – ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

const pages = [...builtPages(), '/no-such-page/'];
// A few pages per test: parallel across workers without paying a new context per page.
const CHUNKS = 4;

test.describe('accessibility (axe, WCAG 2.2 A/AA), light scheme, every page', () => {
  test('the site has pages to check', () => expect(pages.length).toBeGreaterThan(20));
  for (let chunk = 0; chunk < CHUNKS; chunk++) {
    const mine = pages.filter((_, i) => i % CHUNKS === chunk);
    test(`pages ${chunk + 1}/${CHUNKS} (${mine[0]} …)`, async ({ page }) => {
      test.setTimeout(180_000);
      const failures: string[] = [];
      for (const path of mine) failures.push(...(await violations(page, path)).map((v) => `${path} ${v}`));
      expect(failures).toEqual([]);
    });
  }
});

// Colours come from shared tokens, so dark mode is checked once per page template.
const templates = [
  '/',
  '/meetings/',
  '/meetings/attendance/',
  '/guide/glossary/',
  '/checklists/',
  '/checklists/meetings-attendance-before/',
  '/prepare/',
  '/prepare/meetings/',
  '/no-such-page/',
];
test.describe('accessibility (axe, WCAG 2.2 A/AA), dark scheme, one page per template', () => {
  test.use({ colorScheme: 'dark' });
  for (const path of templates) {
    test(path, async ({ page }) => {
      expect(await violations(page, path)).toEqual([]);
    });
  }
});
