/**
 * A local edition, built from the same checkout as the national handbook: the example
 * edition editions/shili-xian (a fictional 示例县). Its notes appear at their places on
 * screen, in print and in the PDFs; its name is in the header, on the cover and in the
 * running heads; search finds its text under 本地; the national build shows none of it.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serveStatic, type StaticServer } from '../../src/integrations/static-server.ts';
import { dist as nationalDist } from './site-pages';

const root = path.resolve(import.meta.dirname, '../..');
const NOTE = '县级会议请乡镇主要负责同志参加，先报县委办审核';

test.describe('the example edition (示例县)', () => {
  // One build for all of them: in one worker, in order.
  test.describe.configure({ mode: 'serial' });
  let work: string;
  let dist: string;
  let server: StaticServer;

  test.beforeAll(async () => {
    test.setTimeout(420_000);
    work = mkdtempSync(path.join(tmpdir(), 'hb-edition-'));
    const run = spawnSync(process.execPath, ['scripts/astro.mjs', 'build'], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        HB_EDITION: 'editions/shili-xian',
        HB_BUILD_DIR: work,
        HB_SKIP_STEPS: 'docx,offline',
        HB_PDF_ONLY: 'handbook.pdf,handouts/meetings.pdf',
      },
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-4000)).toBe(0);
    dist = path.join(work, 'dist');
    server = await serveStatic(dist);
  });
  test.afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('names itself in the header, says it is a fictional example, and lists its contacts', async ({ page }) => {
    await page.goto(`${server.url}/`);
    await expect(page.getByRole('banner').getByRole('link', { name: '基层减负工作手册（示例县版）' })).toBeVisible();
    await expect(page.getByRole('note')).toContainText('“示例县”和其中的单位、文件、规定都是虚构的');
    await expect(page.getByRole('contentinfo')).toContainText('示例县整治形式主义为基层减负工作专班编印');
    await expect(page.getByRole('list', { name: '联系方式' })).toContainText('反映形式主义问题');
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical).toBe('https://jianfu.shilixian.example/');
  });

  test('puts a local note at the end of its section of the national chapter, on screen and in print', async ({ page }) => {
    await page.goto(`${server.url}/meetings/attendance/`);
    const note = page.getByRole('complementary', { name: `本地规定：${NOTE}` });
    await expect(note).toBeVisible();
    await expect(note).toContainText('本地规定 · 示例县');
    await expect(note.getByRole('link', { name: /示例县精简会议文件实施办法/ })).toBeVisible();
    const top = async (name: string) => (await page.getByRole('heading', { name, exact: true }).boundingBox())!.y;
    const y = (await note.boundingBox())!.y;
    expect(y).toBeGreaterThan(await top('三档定人'));
    expect(y).toBeLessThan(await top('承办人员：写好会议通知'));

    await page.goto(`${server.url}/print/meetings/`);
    await page.emulateMedia({ media: 'print' });
    const printed = page.getByRole('complementary', { name: `本地规定：${NOTE}` });
    await expect(printed).toBeVisible();
    // Local chapters are ordered among the national ones (order 3.5: after 谁来参会).
    const titles = await page.locator('.hb-print-section__title').allTextContents();
    expect(titles.indexOf('示例县：县级会议计划和参会审核')).toBe(titles.indexOf('谁来参会：参会范围与陪会') + 1);
  });

  test('carries its name and notes into the PDFs: cover, running heads, the note in its section', () => {
    const text = (file: string, ...pages: string[]) => execFileSync('pdftotext', [...pages, '-layout', path.join(dist, file), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const cover = text('handbook.pdf', '-f', '1', '-l', '1');
    expect(cover).toContain('基层减负工作手册（示例县版）');
    expect(cover).toContain('示例县整治形式主义为基层减负工作专班');
    expect(cover).toContain('2026年示例县第1版');
    const third = text('handbook.pdf', '-f', '3', '-l', '3');
    expect(third.split('\n').slice(0, 3).join('')).toContain('基层减负工作手册（示例县版） · 2026年示例县第1版');
    for (const file of ['handbook.pdf', 'handouts/meetings.pdf']) {
      const all = text(file).replace(/\s+/g, '');
      const at = all.indexOf(NOTE);
      expect(at, file).toBeGreaterThan(all.indexOf('三档定人'));
      expect(at, file).toBeLessThan(all.indexOf('承办人员：写好会议通知'));
    }
  });

  test('search finds local text under 本地', async ({ page }) => {
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('无会日')}`);
    const results = page.getByRole('list', { name: '搜索结果' });
    await expect(results.getByRole('link', { name: '示例县：县级会议计划和参会审核' })).toBeVisible({ timeout: 15_000 });
    await page.getByRole('searchbox', { name: '搜索词' }).fill('县委办审核');
    await page.getByRole('checkbox', { name: '只看示例县本地规定' }).check();
    await expect(page).toHaveURL(/local=1/);
    await expect(results.getByRole('link', { name: '谁来参会：参会范围与陪会' })).toBeVisible({ timeout: 15_000 });
    for (const meta of await results.locator('.hb-result__meta').allTextContents()) expect(meta).toContain('本地');
  });

  test('leaves the national build untouched: no 本地 box and no 示例县 on any national page', () => {
    expect(existsSync(path.join(nationalDist, 'meetings/attendance/index.html'))).toBe(true);
    const pages = readdirSync(nationalDist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    const found = pages.filter((f) => /示例县|hb-local-note/.test(readFileSync(path.join(nationalDist, f), 'utf8')));
    expect(found).toEqual([]);
  });
});
