/**
 * Every page in the sitemap, as a browser sees it: no axe violations (WCAG 2.2 A/AA) and
 * no Content-Security-Policy violations or script errors under the page's own CSP.
 *
 * axe-core is added to each page as an init script (Playwright's, outside the page's CSP)
 * and run with `axe.run`: @axe-core/playwright's AxeBuilder evaluates axe's 550 kB source
 * again on every page, which made this sweep of ~190 pages take 2.4 times as long.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { sitemapPages } from './site-pages';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** axe's WCAG 2.2 A/AA violations on the page as it is now. */
async function axeViolations(page: Page): Promise<Violation[]> {
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } };
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations;
  }, WCAG);
}

async function problems(page: Page, path: string): Promise<string[]> {
  const found: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text())) found.push(`CSP: ${m.text()}`);
  };
  const onError = (e: Error) => found.push(`script error: ${e.message}`);
  page.on('console', onConsole);
  page.on('pageerror', onError);
  await page.goto(path);
  const violations = await axeViolations(page);
  found.push(...violations.map((v) => `axe ${v.id}: ${v.help} – ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
  found.push(...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).map((v) => `CSP: ${v}`));
  page.off('console', onConsole);
  page.off('pageerror', onError);
  return found;
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript({ content: AXE });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

const pages = [...sitemapPages(), '/no-such-page/'];
// Print documents are long (the whole handbook is one page): one test each. The rest go a
// few pages per test: parallel across workers without paying a new context per page.
const printPages = pages.filter((p) => p.startsWith('/print/'));
const screenPages = pages.filter((p) => !p.startsWith('/print/'));
// About 20 pages a test.
const CHUNKS = Math.ceil(screenPages.length / 20);

test.describe('every page: axe (light scheme) and CSP', () => {
  test('the sitemap lists the site', () => expect(screenPages.length).toBeGreaterThan(20));
  test('the sweep finds a violation when there is one', async ({ page }) => {
    await page.goto('/');
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = '/favicon.svg';
      document.querySelector('main')!.append(img);
    });
    expect((await axeViolations(page)).map((v) => v.id)).toContain('image-alt');
  });
  for (let chunk = 0; chunk < CHUNKS; chunk++) {
    const mine = screenPages.filter((_, i) => i % CHUNKS === chunk);
    test(`pages ${chunk + 1}/${CHUNKS} (${mine[0]} …)`, async ({ page }) => {
      test.setTimeout(240_000);
      const failures: string[] = [];
      for (const path of mine) failures.push(...(await problems(page, path)).map((v) => `${path} ${v}`));
      expect(failures).toEqual([]);
    });
  }
  for (const path of printPages) {
    test(path, async ({ page }) => {
      test.setTimeout(240_000);
      expect(await problems(page, path)).toEqual([]);
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
  '/search/?q=留痕',
  '/policies/',
  '/policies/rules-2024/',
  '/training/',
  '/training/meetings/rewrite-bloated-notice/',
  '/slides/meetings/',
  '/no-such-page/',
];
test.describe('dark scheme, one page per template', () => {
  test.use({ colorScheme: 'dark' });
  for (const path of templates) {
    test(path, async ({ page }) => {
      expect(await problems(page, path)).toEqual([]);
    });
  }
});
