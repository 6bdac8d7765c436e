/**
 * Offline reading, as a reader in a village would meet it: one visit online, then no
 * network. And the edition update: the new edition waits until it is complete, then asks,
 * in every open tab. These tests serve their own copy of the build so they can swap
 * editions underneath.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { serveStatic } from '../../src/integrations/static-server.ts';
import { STEPS } from '../../src/integrations/steps.ts';
import { getConfig } from '../../src/lib/config.ts';
import { dist } from './site-pages';

/** The edition label of the build under test, and of the next edition the tests deploy. */
const FIRST = getConfig().identity.edition;
const SECOND = '2027年第2版';

const footer = (page: Page) => page.getByRole('contentinfo');
const updateButton = (page: Page) => page.getByRole('button', { name: '手册已更新，点击刷新' });
const searchResults = (page: Page) => page.getByRole('list', { name: '搜索结果' });

async function waitUntilOffline(page: Page) {
  await expect(page.getByText('已可离线阅读')).toBeVisible({ timeout: 30_000 });
}

/** Stylesheets the page links but could not load: an unstyled page has some. */
function stylesheetsMissing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
      .filter((link) => {
        try {
          return !link.sheet?.cssRules.length;
        } catch {
          return true; // Chromium gives a stylesheet that failed to load no readable rules.
        }
      })
      .map((link) => new URL(link.href).pathname),
  );
}

/** A copy of a build to serve (the .br/.gz copies are for nginx; serveStatic sends files as they are). */
function copyBuild(from: string, to: string): void {
  cpSync(from, to, { recursive: true, filter: (file) => !/\.(br|gz)$/.test(file) });
}

/** Points `link` (the served root) at `target`, in one step, as a deploy switches releases. */
function deploy(link: string, target: string): void {
  symlinkSync(target, `${link}.new`);
  renameSync(`${link}.new`, link);
}

/**
 * The next edition, as a publisher's rebuild changes it, made from a copy of the build:
 * every page carries the new edition label; the site stylesheet changed (new content, so a
 * new hashed name); one chapter gained a paragraph (so its search fragment and index chunks
 * change). Then the build's own search-index and offline steps run on it. A second full
 * build would cost minutes; this is what a reader's phone sees of one.
 */
async function makeNextEdition(from: string, to: string): Promise<void> {
  copyBuild(from, to);
  const assets = path.join(to, '_astro');
  const oldSheet = readdirSync(assets).find((f) => /^Base\..+\.css$/.test(f))!;
  const newSheet = 'Base.next2027.css';
  writeFileSync(path.join(assets, newSheet), `${readFileSync(path.join(assets, oldSheet), 'utf8')}\n/* ${SECOND} */\n`);
  rmSync(path.join(assets, oldSheet));
  const pages = readdirSync(to, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  for (const file of pages) {
    let html = readFileSync(path.join(to, file), 'utf8').replaceAll(FIRST, SECOND).replaceAll(`/_astro/${oldSheet}`, `/_astro/${newSheet}`);
    if (file === path.join('assessment', 'traces', 'index.html')) html = html.replace('</h1>', '</h1><p>第2版新增：台账清理的时间表。</p>');
    writeFileSync(path.join(to, file), html);
  }
  rmSync(path.join(to, 'pagefind'), { recursive: true });
  const logger = { info: () => undefined, warn: console.warn, error: console.error };
  for (const name of ['search-index', 'offline'] as const) await STEPS.find((s) => s.name === name)!.run({ dist: to, logger });
}

test.describe('offline reading', () => {
  let server: { url: string; close(): Promise<void> };
  let dir: string;
  test.beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hb-offline-'));
    copyBuild(dist, dir);
    server = await serveStatic(dir);
  });
  test.afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('after one visit, every page works offline or says what is not saved and why; the footer says exactly what is saved', async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/');
    await waitUntilOffline(page);
    await expect(page.getByRole('status').filter({ hasText: '已可离线阅读' })).toHaveText(
      '✓ 已可离线阅读：全部章节、清单、工具和搜索已保存在本机；打印页和 PDF 只有联网打开过的才能离线看。离线阅读说明',
    );
    // A trainer opens the worksheets once, online.
    await page.goto('/print/checklists/');
    await expect(page.getByRole('heading', { level: 1, name: '检查清单工作表' })).toBeVisible();

    await context.setOffline(true);
    await page.goto('/inspections/feedback/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/问题反馈与整改/);
    await expect(page.getByRole('status').filter({ hasText: '当前离线' })).toHaveText(
      '当前离线：正在阅读保存在本机的手册；打印页和 PDF 只有联网打开过的才能看。离线阅读说明',
    );

    await page.goto('/search/?q=' + encodeURIComponent('留痕'));
    const hit = searchResults(page).locator('a[href^="/assessment/traces/"]').first();
    await expect(hit).toBeVisible({ timeout: 15_000 });
    await hit.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('留痕的边界');

    await page.goto('/meetings/attendance/');
    const box = page.locator('[data-checklist-id="meetings-attendance-before"]').getByRole('checkbox').first();
    await expect(box).toBeEnabled();
    await box.check();
    await page.reload();
    await expect(box).toBeChecked();

    await page.goto('/prepare/meetings/before/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/会议准备单/);

    // Print pages and PDFs never opened: the handbook's own page says why they do not open,
    // and offers what is saved.
    for (const [address, name] of [['/print/meetings/', '会议培训讲义（打印版网页）'], ['/handbook.pdf', '整本手册 PDF']]) {
      await page.goto(address);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('这一页没有保存在本机');
      await expect(page.getByText(`你要打开的“${name}”没有保存在本机。打印页和 PDF 要联网打开过一次，才能离线看。`)).toBeVisible();
      await expect(page.getByText('打印页和 PDF 文件较大，不随手册自动保存')).toBeVisible();
      await expect(page.getByRole('link', { name: '全部清单工作表（打印版网页）' })).toBeVisible();
    }
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    // The worksheets opened earlier open offline, styled.
    await page.getByRole('link', { name: '全部清单工作表（打印版网页）' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '检查清单工作表' })).toBeVisible();
    expect(await stylesheetsMissing(page)).toEqual([]);
    await context.close();
  });

  test('the app can be installed: manifest in Chinese with icons', async ({ page }) => {
    await page.goto(`${server.url}/`);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = JSON.parse(readFileSync(path.join(dir, href!), 'utf8'));
    expect(manifest).toMatchObject({ name: '基层减负工作手册', lang: 'zh-CN', start_url: '/', display: 'standalone' });
    for (const icon of manifest.icons) {
      const res = await page.request.get(`${server.url}${icon.src}`);
      expect(res.headers()['content-type']).toBe('image/png');
    }
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });
});

test.describe('a new edition', () => {
  // The server's root is a link to the edition on offer: deploying is switching the link.
  let server: { url: string; close(): Promise<void> };
  let work: string;
  let served: string;
  let first: string;
  let next: string;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    work = mkdtempSync(path.join(tmpdir(), 'hb-edition-'));
    first = path.join(work, 'first');
    next = path.join(work, 'next');
    served = path.join(work, 'served');
    copyBuild(dist, first);
    await makeNextEdition(first, next);
    deploy(served, first);
    server = await serveStatic(served);
  });
  test.afterAll(async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('waits until it is complete and asks in every tab; a tab that did not accept keeps working until it reloads; ticks and saved print pages carried over', async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ baseURL: server.url });
    const reader = await context.newPage();
    await reader.goto('/meetings/attendance/');
    await waitUntilOffline(reader);
    const box = reader.locator('[data-checklist-id="meetings-attendance-before"]').getByRole('checkbox').nth(1);
    await box.check();
    await expect(footer(reader)).toContainText(FIRST);
    // A trainer's handout, opened once: saved on the phone.
    await reader.goto('/print/meetings/');
    await expect(reader.getByRole('heading', { level: 1, name: '会议' })).toBeVisible();

    // A second tab, with a search made: Pagefind has loaded this edition's index.
    const other = await context.newPage();
    await other.goto('/search/?q=' + encodeURIComponent('会议'));
    await expect(searchResults(other).getByRole('listitem').first()).toBeVisible({ timeout: 15_000 });

    // The publisher deploys the next edition.
    deploy(served, next);

    await reader.goto('/meetings/attendance/');
    await expect(updateButton(reader)).toBeVisible({ timeout: 30_000 });
    await expect(updateButton(other)).toBeVisible();
    // Until the reader accepts, the old edition is what they read.
    await expect(footer(reader)).toContainText(FIRST);
    await reader.goto('/meetings/overview/');
    await expect(footer(reader)).toContainText(FIRST);
    await expect(updateButton(reader)).toBeVisible();

    await updateButton(reader).click();
    await expect(footer(reader)).toContainText(SECOND, { timeout: 15_000 });
    await reader.goto('/meetings/attendance/');
    await expect(footer(reader)).toContainText(SECOND);
    await expect(box).toBeChecked();

    // The other tab still shows the first edition, and its search still finds and shows
    // results, although the second edition dropped index files it needs...
    await expect(footer(other)).toContainText(FIRST);
    await other.getByRole('searchbox', { name: '搜索词' }).fill('留痕');
    await expect(searchResults(other).locator('a[href^="/assessment/traces/"]').first()).toBeVisible({ timeout: 15_000 });
    // ...until it takes the update too.
    await updateButton(other).click();
    await expect(footer(other)).toContainText(SECOND, { timeout: 15_000 });
    // Once no tab shows the first edition, the files kept for it are gone.
    await other.goto('/meetings/');
    await expect.poll(() => other.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('hb-previous')))).toEqual([]);

    // The handout saved before the update opens offline: the new edition, fully styled.
    await context.setOffline(true);
    await reader.goto('/print/meetings/');
    await expect(reader.getByRole('heading', { level: 1, name: '会议' })).toBeVisible();
    await expect(footer(reader)).toContainText(SECOND);
    expect(await stylesheetsMissing(reader)).toEqual([]);
    await context.close();
  });
});

test.describe('where the browser cannot keep the handbook (no service workers)', () => {
  const noServiceWorker = () => delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;

  test.describe('WeChat on an iPhone', () => {
    test.use({
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323a) NetType/WIFI Language/zh_CN',
    });
    test('says how to read offline instead of promising it', async ({ page }) => {
      await page.addInitScript(noServiceWorker);
      await page.goto('/meetings/attendance/');
      await expect(page.getByRole('status').filter({ hasText: '微信里不能把手册保存到本机；要离线阅读，请点右上角“…”，选“在浏览器打开”。' })).toBeVisible();
      await expect(page.getByText('已可离线阅读')).toHaveCount(0);
    });
  });

  test('another browser says nothing', async ({ page }) => {
    await page.addInitScript(noServiceWorker);
    await page.goto('/meetings/attendance/');
    await expect(page.getByText('微信里不能把手册保存到本机')).toHaveCount(0);
    await expect(page.getByText('已可离线阅读')).toHaveCount(0);
  });
});
