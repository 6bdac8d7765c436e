/**
 * Site-wide quality gates on the built site: valid HTML, sitemap/robots/canonical URLs,
 * byte budgets, and a keyboard-only walk through the main paths.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { builtPages, dist, sitemapPages } from './site-pages';

const config = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../.htmlvalidate.json'), 'utf8'));
const site = new URL(readFileSync(path.join(dist, 'robots.txt'), 'utf8').match(/Sitemap: (\S+)/)![1]).origin;

test('every built page is valid HTML (html-validate)', async () => {
  const validator = new HtmlValidate(new StaticConfigLoader(config));
  const failures: string[] = [];
  for (const page of [...builtPages(), '/404.html']) {
    const file = path.join(dist, page.endsWith('/') ? `${page}index.html` : page);
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) failures.push(`${page} ${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  expect(failures).toEqual([]);
});

test('every stylesheet keeps the cascade layer order, whichever a page loads first', () => {
  // A page's first CSS file fixes the order of the layers; Astro may put a component's file first.
  const declared = readFileSync(path.resolve(import.meta.dirname, '../../src/styles/layers.css'), 'utf8')
    .match(/^@layer ([^;]+);/m)![1]
    .split(',')
    .map((l) => l.trim());
  const files = readdirSync(path.join(dist, '_astro')).filter((f) => f.endsWith('.css'));
  expect(files.length).toBeGreaterThan(1);
  for (const file of files) {
    const css = readFileSync(path.join(dist, '_astro', file), 'utf8');
    const seen: string[] = [];
    for (const [, names] of css.matchAll(/@layer\s+([\w.,\s-]+?)\s*[;{]/g)) {
      for (const name of names.split(',').map((n) => n.trim())) if (!seen.includes(name)) seen.push(name);
    }
    expect(seen, file).toEqual(declared);
  }
});

test('the sitemap lists every page, robots.txt points to it, canonical URLs use the site URL', async ({ page }) => {
  expect(sitemapPages()).toEqual(builtPages());
  const robots = await page.request.get('/robots.txt');
  expect(await robots.text()).toContain(`Sitemap: ${site}/sitemap-index.xml`);
  for (const p of ['/', '/meetings/attendance/', '/guide/glossary/']) {
    await page.goto(p);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${site}${p}`);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', `${site}${p}`);
  }
});

test('a shared chapter link gets a card: title, summary and an image at the site URL', async ({ page, request }) => {
  await page.goto('/meetings/attendance/');
  const og = (name: string) => page.locator(`meta[property="og:${name}"]`);
  await expect(og('title')).toHaveAttribute('content', '谁来参会：参会范围与陪会');
  await expect(og('description')).toHaveAttribute('content', (await page.locator('meta[name="description"]').getAttribute('content'))!);
  await expect(og('type')).toHaveAttribute('content', 'article');
  await expect(og('locale')).toHaveAttribute('content', 'zh_CN');
  const image = new URL((await og('image').getAttribute('content'))!);
  expect(image.origin).toBe(site);
  const served = await request.get(image.pathname);
  expect(served.headers()['content-type']).toBe('image/png');
});

/** Gzipped bytes of the document, stylesheets and scripts a page loads. */
async function pageBytes(page: Page, url: string) {
  const bytes = { html: 0, css: 0, js: 0 };
  const pending: Promise<void>[] = [];
  page.on('response', (res) => {
    const type = res.request().resourceType();
    const key = type === 'document' ? 'html' : type === 'stylesheet' ? 'css' : type === 'script' ? 'js' : undefined;
    if (key) pending.push(res.body().then((b) => void (bytes[key] += gzipSync(b).length)).catch(() => undefined));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  return bytes;
}

test.describe('byte budgets (gzip)', () => {
  test('a page without a checklist: HTML + CSS + JS ≤ 20 KB, and no search code', async ({ browser }) => {
    for (const url of ['/guide/preface/', '/policies/rules-2024/', '/policies/', '/meetings/']) {
      const page = await browser.newPage();
      const b = await pageBytes(page, url);
      expect(b.html + b.css + b.js, `${url} ${JSON.stringify(b)}`).toBeLessThanOrEqual(20 * 1024);
      await page.close();
    }
  });

  test('a chapter with a checklist: at most 5 KB of JavaScript more', async ({ browser }) => {
    const plain = await pageBytes(await browser.newPage(), '/guide/preface/');
    const page = await browser.newPage();
    const withList = await pageBytes(page, '/meetings/attendance/');
    await expect(page.locator('hb-checklist').first().getByRole('checkbox').first()).toBeEnabled();
    expect(withList.js - plain.js).toBeLessThanOrEqual(5 * 1024);
  });

  test('the decision tools’ styles load only on pages that show a tool', async ({ page }) => {
    const hasToolStyles = () =>
      page.evaluate(() => [...document.styleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('.hb-tool'))));
    await page.goto('/meetings/attendance/');
    expect(await hasToolStyles()).toBe(false);
    await page.goto('/meetings/necessity/');
    const tool = page.getByRole('region', { name: '会议成本估算' });
    await expect(tool).toBeVisible();
    expect(await hasToolStyles()).toBe(true);
    await expect(tool.locator('..')).toHaveCSS('border-top-width', '4px');
  });
});

test.describe('keyboard only', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  async function tabTo(page: Page, predicate: string, max = 60) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(predicate)) return;
    }
    throw new Error(`never reached: ${predicate}`);
  }

  test('skip link, chapter drawer, search and a checklist', async ({ page }) => {
    await page.goto('/meetings/attendance/');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();

    // The chapter drawer opens from the keyboard and its links are reachable.
    await page.locator('body').focus();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, `document.activeElement?.tagName === 'SUMMARY' && document.activeElement.textContent.includes('手册目录')`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: '手册目录' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('navigation', { name: '手册目录' }).getByRole('link').first()).toBeFocused();

    // A checklist: tick with the space bar.
    await tabTo(page, `document.activeElement?.type === 'checkbox'`, 200);
    await page.keyboard.press('Space');
    await expect(page.locator('hb-checklist input:checked')).toHaveCount(1);

    // Search from the header, then open a result.
    await page.goto('/meetings/attendance/');
    await tabTo(page, `document.activeElement?.id === 'hb-header-q'`);
    await page.keyboard.type('参会范围');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=/);
    const results = page.getByRole('list', { name: '搜索结果' });
    await expect(results.getByRole('link').first()).toBeVisible({ timeout: 15_000 });
    await tabTo(page, `!!document.activeElement?.closest('[aria-label="搜索结果"]') && document.activeElement.tagName === 'A'`, 80);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/meetings\//);
  });
});
