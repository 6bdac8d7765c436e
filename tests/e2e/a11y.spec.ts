import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages } from './site-pages';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const pages = [...builtPages(), '/no-such-page/'];

test.describe('accessibility (axe, WCAG 2.2 A/AA)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`every page has no violations (${scheme})`, async ({ page }) => {
      test.setTimeout(120_000);
      expect(pages.length).toBeGreaterThan(20);
      await page.emulateMedia({ colorScheme: scheme });
      const failures: string[] = [];
      for (const path of pages) {
        await page.goto(path);
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
        for (const v of violations) failures.push(`${path}: ${v.id} – ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
