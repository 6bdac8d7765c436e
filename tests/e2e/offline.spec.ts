/**
 * Offline reading, as a reader in a village would meet it: one visit online, then no
 * network. And the edition update: the new edition waits until it is complete, then asks.
 * These tests serve their own copy of the build so they can swap editions underneath.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveStatic } from '../../src/integrations/static-server.ts';
import { dist } from './site-pages';

const root = path.resolve(import.meta.dirname, '../..');

async function waitUntilOffline(page: Page) {
  await expect(page.getByText('已可离线阅读')).toBeVisible({ timeout: 30_000 });
}

test.describe('offline reading', () => {
  let server: { url: string; close(): Promise<void> };
  let dir: string;
  test.beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hb-offline-'));
    cpSync(dist, dir, { recursive: true });
    server = await serveStatic(dir);
  });
  test.afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('after one visit, unvisited chapters, search and checklists work without a network', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/');
    await waitUntilOffline(page);

    await context.setOffline(true);
    await page.goto('/inspections/feedback/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/问题反馈与整改/);
    await expect(page.getByText('当前离线')).toBeVisible();

    await page.goto('/search/?q=' + encodeURIComponent('留痕'));
    const results = page.getByRole('list', { name: '搜索结果' });
    const hit = results.locator('a[href^="/assessment/traces/"]').first();
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
  let server: { url: string; close(): Promise<void> };
  let dir: string;
  let next: string;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    next = mkdtempSync(path.join(tmpdir(), 'hb-next-'));
    // The next edition: same content, a new edition label on every page.
    const env = { ...process.env, HB_BUILD_DIR: next, HB_EDITION_LABEL: '2027年第2版', HB_SKIP_STEPS: 'pdf' };
    const run = spawnSync(process.execPath, ['scripts/astro.mjs', 'build'], { cwd: root, env, encoding: 'utf8' });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    dir = mkdtempSync(path.join(tmpdir(), 'hb-edition-'));
    cpSync(dist, dir, { recursive: true });
    server = await serveStatic(dir);
  });
  test.afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(next, { recursive: true, force: true });
  });

  test('waits until it is complete, asks, then shows the new edition with ticks kept', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/meetings/attendance/');
    await waitUntilOffline(page);
    const box = page.locator('[data-checklist-id="meetings-attendance-before"]').getByRole('checkbox').nth(1);
    await box.check();
    await expect(page.getByRole('contentinfo')).toContainText('2026年第1版');

    // The publisher deploys the next edition.
    rmSync(dir, { recursive: true, force: true });
    cpSync(path.join(next, 'dist'), dir, { recursive: true });

    await page.reload();
    const update = page.getByRole('button', { name: '手册已更新，点击刷新' });
    await expect(update).toBeVisible({ timeout: 30_000 });
    // Until the reader accepts, the old edition is what they read.
    await expect(page.getByRole('contentinfo')).toContainText('2026年第1版');
    await page.goto('/meetings/overview/');
    await expect(page.getByRole('contentinfo')).toContainText('2026年第1版');
    await expect(update).toBeVisible();

    await update.click();
    await expect(page.getByRole('contentinfo')).toContainText('2027年第2版', { timeout: 15_000 });
    await page.goto('/meetings/attendance/');
    await expect(page.getByRole('contentinfo')).toContainText('2027年第2版');
    await expect(box).toBeChecked();
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
