import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dist } from './site-pages';
import { TOPICS } from '../../src/lib/topics';
import { encodeShare } from '../../src/lib/checklist/state';

const CHAPTER = '/meetings/attendance/';
const LIST = 'meetings-attendance-before';
const list = (page: Page) => page.locator(`[data-checklist-id="${LIST}"]`);
const boxes = (page: Page) => list(page).getByRole('checkbox');
const status = (page: Page) => list(page).getByRole('status').first();

async function open(page: Page, url = CHAPTER) {
  await page.goto(url);
  await expect(boxes(page).first()).toBeEnabled();
}

/** Item ids of the checklist, in page order. */
const itemIds = (page: Page) => boxes(page).evaluateAll((els) => els.map((el) => (el as HTMLInputElement).name));

/** Which boxes are ticked, by position. */
const tickedAt = (page: Page) =>
  boxes(page).evaluateAll((els) => els.flatMap((el, i) => ((el as HTMLInputElement).checked ? [i] : [])));

/** What storage holds for the checklist, by position (the page's own oracle: its item ids). */
async function storedAt(page: Page): Promise<number[]> {
  const ids = await itemIds(page);
  const raw = await page.evaluate((key) => localStorage.getItem(key), `hb:checklist:v1:${LIST}`);
  const ticked: string[] = raw ? JSON.parse(raw).ticked : [];
  return ticked.map((id) => ids.indexOf(id)).sort((a, b) => a - b);
}

test.describe('a checklist in a chapter', () => {
  test('ticks survive a reload and progress is counted', async ({ page }) => {
    await open(page);
    const total = await boxes(page).count();
    expect(total).toBeGreaterThanOrEqual(5);
    await expect(status(page)).toHaveText(`已完成 0/${total}`);
    await boxes(page).nth(0).check();
    await boxes(page).nth(2).check();
    await expect(status(page)).toHaveText(`已完成 2/${total}`);
    await page.reload();
    await expect(boxes(page).nth(0)).toBeChecked();
    await expect(boxes(page).nth(1)).not.toBeChecked();
    await expect(boxes(page).nth(2)).toBeChecked();
    await expect(status(page)).toHaveText(`已完成 2/${total}`);
  });

  test('the same checklist stays in step across two open tabs', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await open(a);
    await open(b);
    await boxes(a).nth(1).check();
    await expect(boxes(b).nth(1)).toBeChecked();
    await boxes(b).nth(1).uncheck();
    await expect(boxes(a).nth(1)).not.toBeChecked();
  });

  test('reset asks first; cancel keeps the ticks, confirm clears them', async ({ page }) => {
    await open(page);
    await boxes(page).nth(0).check();
    await list(page).getByRole('button', { name: '重置' }).click();
    const confirm = list(page).getByRole('group', { name: '确认重置' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: '取消' }).click();
    await expect(boxes(page).nth(0)).toBeChecked();
    await list(page).getByRole('button', { name: '重置' }).click();
    await confirm.getByRole('button', { name: '确定清空' }).click();
    await expect(boxes(page).nth(0)).not.toBeChecked();
    await page.reload();
    await expect(boxes(page).nth(0)).not.toBeChecked();
  });

  test('works from the keyboard alone', async ({ page }) => {
    await open(page);
    const total = await boxes(page).count();
    await boxes(page).first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(status(page)).toHaveText(`已完成 2/${total}`);
    await expect(status(page)).toHaveAttribute('role', 'status');
    // Reset by keyboard: the confirmation takes focus.
    await list(page).getByRole('button', { name: '重置' }).focus();
    await page.keyboard.press('Enter');
    await expect(list(page).getByRole('button', { name: '确定清空' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText(`已完成 0/${total}`);
    await expect(list(page).getByRole('button', { name: '重置' })).toBeFocused();
  });

  test('ticks of items an editor removed drop out; other ticks are kept', async ({ page }) => {
    await page.goto(CHAPTER);
    const ids = await boxes(page).evaluateAll((els) => els.map((el) => (el as HTMLInputElement).name));
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key, value),
      [`hb:checklist:v1:${LIST}`, JSON.stringify({ v: 1, ticked: [ids[1], 'tremoved1', 'tremoved2'], updated: 1 })],
    );
    await page.reload();
    await expect(boxes(page).nth(1)).toBeChecked();
    await expect(status(page)).toHaveText(`已完成 1/${ids.length}`);
  });

  test('copy as text gives the title, date and ☑/☐ lines', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page);
    await boxes(page).nth(0).check();
    const first = (await list(page).getByRole('listitem').nth(0).textContent())!.trim();
    const second = (await list(page).getByRole('listitem').nth(1).textContent())!.trim();
    await list(page).getByRole('button', { name: '复制为文本' }).click();
    await expect(list(page).getByText('已复制为文本')).toBeVisible();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('定参会范围前检查');
    expect(text).toMatch(/日期：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(text).toContain(`☑ ${first}`);
    expect(text).toContain(`☐ ${second}`);
  });

  test('download saves a text file of the checklist', async ({ page }) => {
    await open(page);
    await boxes(page).nth(0).check();
    const [download] = await Promise.all([page.waitForEvent('download'), list(page).getByRole('button', { name: '下载' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^定参会范围前检查-\d{4}-\d{2}-\d{2}\.txt$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toContain('☑');
    expect(text).toContain('☐');
  });

  test.describe('in the WeChat browser, which drops file downloads', () => {
    test.use({
      userAgent:
        'Mozilla/5.0 (Linux; Android 14; V2307A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.103 Mobile Safari/537.36 XWEB/1300289 MMWEBSDK/20240404 MicroMessenger/8.0.50.2600(0x28003237) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN',
    });
    test('下载 copies the checklist as text and says how to save a file', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await open(page);
      await boxes(page).nth(0).check();
      let downloads = 0;
      page.on('download', () => downloads++);
      await list(page).getByRole('button', { name: '下载' }).click();
      await expect(list(page).getByText('微信里不能直接下载文件，已把清单复制为文本。要存成文件，请点右上角“…”，选“在浏览器打开”。')).toBeVisible();
      const text = await page.evaluate(() => navigator.clipboard.readText());
      expect(text).toContain('定参会范围前检查');
      expect(text).toContain('☑');
      expect(downloads).toBe(0);
    });
  });

  test('a share link shows the shared ticks and asks before replacing mine', async ({ browser }) => {
    const sender = await browser.newContext();
    await sender.grantPermissions(['clipboard-read', 'clipboard-write']);
    const s = await sender.newPage();
    await open(s);
    await boxes(s).nth(0).check();
    await boxes(s).nth(3).check();
    await list(s).getByRole('button', { name: '分享链接' }).click();
    const url = await s.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(/#share=/);
    expect(new URL(url).search).toBe('');

    const receiver = await browser.newContext();
    const r = await receiver.newPage();
    await open(r);
    await boxes(r).nth(1).check();
    await r.goto(url);
    await r.reload();
    const ask = list(r).getByRole('group', { name: '别人分享的勾选' });
    await expect(ask).toBeVisible();
    await expect(boxes(r).nth(0)).toBeChecked();
    await expect(boxes(r).nth(3)).toBeChecked();
    await expect(boxes(r).nth(1)).not.toBeChecked();
    // Keep mine: my own tick comes back.
    await ask.getByRole('button', { name: '保留我的勾选' }).click();
    await expect(boxes(r).nth(1)).toBeChecked();
    await expect(boxes(r).nth(0)).not.toBeChecked();
    expect(r.url()).not.toContain('share=');
    // Open again and accept.
    await r.goto(url);
    await r.reload();
    await ask.getByRole('button', { name: '用分享的勾选替换我的' }).click();
    await r.goto(CHAPTER);
    await expect(boxes(r).nth(0)).toBeChecked();
    await expect(boxes(r).nth(3)).toBeChecked();
    await expect(boxes(r).nth(1)).not.toBeChecked();
    await sender.close();
    await receiver.close();
  });

  test('a share link open in one tab loses no tick made meanwhile in another', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await open(b);
    await boxes(b).nth(1).check();
    const ids = await itemIds(b);
    const link = `${CHAPTER}#${encodeShare(new Map([[LIST, [ids[0], ids[3]]]]))}`;
    const ask = list(a).getByRole('group', { name: '别人分享的勾选' });

    // Keep mine: what storage holds when I choose, not what it held when the link opened.
    await a.goto(link);
    await expect(ask).toBeVisible();
    await boxes(b).nth(5).check();
    await expect(ask).toContainText('你自己保存的勾选（2 项）');
    await ask.getByRole('button', { name: '保留我的勾选' }).click();
    expect(await tickedAt(a)).toEqual([1, 5]);
    await boxes(a).nth(6).check();
    expect(await storedAt(a)).toEqual([1, 5, 6]);
    await expect(boxes(b).nth(6)).toBeChecked();

    // Replace: the shared ticks, plus ticks made elsewhere after the link opened, and I am told.
    await a.goto(link);
    await a.reload();
    await expect(ask).toBeVisible();
    await boxes(b).nth(7).check();
    await ask.getByRole('button', { name: '用分享的勾选替换我的' }).click();
    await expect(list(a).getByText('打开链接后在别的页面新勾的 1 项也保留了')).toBeVisible();
    expect(await tickedAt(a)).toEqual([0, 3, 7]);
    expect(await storedAt(a)).toEqual([0, 3, 7]);
    await expect(boxes(b).nth(0)).toBeChecked();
    await expect(boxes(b).nth(1)).not.toBeChecked();
  });

  test('Back to the chapter after a reset elsewhere shows what storage holds', async ({ page }) => {
    await open(page);
    const total = await boxes(page).count();
    await boxes(page).nth(0).check();
    await boxes(page).nth(2).check();
    await open(page, `/checklists/${LIST}/`);
    await page.getByRole('button', { name: '重置' }).click();
    await page.getByRole('button', { name: '确定清空' }).click();
    await page.goBack();
    await expect(status(page)).toHaveText(`已完成 0/${total}`);
    expect(await tickedAt(page)).toEqual([]);
    // The next tick saves that tick alone, not the cleared ones.
    await boxes(page).nth(1).check();
    expect(await storedAt(page)).toEqual([1]);
  });
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('a share link brings its question into view, above the shared ticks', async ({ page }) => {
    await page.goto(CHAPTER);
    const ids = await itemIds(page);
    await page.goto(`/guide/glossary/`);
    await page.goto(`${CHAPTER}#${encodeShare(new Map([[LIST, [ids[0]]]]))}`);
    const ask = list(page).getByRole('group', { name: '别人分享的勾选' });
    await expect(ask).toBeVisible();
    await expect(ask.getByRole('button', { name: '保留我的勾选' })).toBeInViewport();
    await expect(ask.getByRole('button', { name: '用分享的勾选替换我的' })).toBeInViewport();
    await expect(list(page).getByRole('heading', { name: '定参会范围前检查' })).toBeInViewport();
    await expect(ask).toBeFocused();
  });
});

test.describe('when storage misbehaves', () => {
  test('corrupt stored data is reported once, never fatal, and the next tick replaces it', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(CHAPTER);
    await page.evaluate((key) => localStorage.setItem(key, '{not json'), `hb:checklist:v1:${LIST}`);
    await page.reload();
    await expect(boxes(page).first()).toBeEnabled();
    await expect(boxes(page).first()).not.toBeChecked();
    // Said, not silently dropped; said once: re-reading the same data (the page shown again)
    // does not push out what was said since.
    await expect(list(page).getByText('之前保存的勾选没能全部读出（数据已损坏），这里只显示读得出的部分。')).toBeVisible();
    await list(page).getByRole('button', { name: '下载' }).click();
    await expect(list(page).getByText('已下载文本文件。')).toBeVisible();
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow')));
    await expect(list(page).getByText('已下载文本文件。')).toBeVisible();
    const told = list(page).getByText('之前保存的勾选没能全部读出');
    await boxes(page).first().check();
    await page.reload();
    await expect(boxes(page).first()).toBeChecked();
    await expect(told).toBeHidden();
    expect(errors).toEqual([]);
  });

  test('a throwing localStorage still lets the reader tick, and says ticks will not be kept', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      const fail = () => {
        throw new DOMException('blocked', 'SecurityError');
      };
      Object.defineProperty(window, 'localStorage', { get: fail, configurable: true });
    });
    await open(page);
    await boxes(page).nth(0).check();
    await expect(boxes(page).nth(0)).toBeChecked();
    await expect(status(page)).toHaveText(/已完成 1\//);
    await expect(list(page).getByText('关闭页面后勾选不会保留')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a full storage quota is reported, not fatal', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('hb:checklist:')) throw new DOMException('full', 'QuotaExceededError');
        return original.call(this, key, value);
      };
    });
    await open(page);
    await boxes(page).nth(0).check();
    await expect(list(page).getByText('勾选没能保存')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a full storage still shows the saved ticks and says storage is full, not private browsing', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await open(page);
    const total = await boxes(page).count();
    await boxes(page).nth(0).check();
    await boxes(page).nth(2).check();
    // Now the storage is full: every write fails, reads still work.
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await page.reload();
    await expect(boxes(page).first()).toBeEnabled();
    await expect(status(page)).toHaveText(`已完成 2/${total}`);
    expect(await tickedAt(page)).toEqual([0, 2]);
    await expect(list(page).getByText('浏览器存储已满：已保存的勾选照常显示，新的改动只在本次浏览中有效。')).toBeVisible();
    await expect(list(page).getByText(/无痕/)).toHaveCount(0);
    await boxes(page).nth(1).check();
    await expect(list(page).getByText('勾选没能保存')).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe('loading', () => {
  test('enhancing the checklists of a preparation sheet moves nothing on the page (no layout shift)', async ({ page }) => {
    await page.goto('/prepare/meetings/before/');
    await expect(page.getByRole('status').filter({ hasText: /^已完成 0\/\d+$/ }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: '复制为文本' }).first()).toBeVisible();
    // Every layout shift the page has had since it started loading (the browser keeps them).
    const shifts = await page.evaluate(
      () =>
        new Promise<{ value: number; nodes: string[] }[]>((resolve) => {
          const found: { value: number; nodes: string[] }[] = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] }[]) {
              if (!entry.hadRecentInput) found.push({ value: entry.value, nodes: (entry.sources ?? []).map((s) => (s.node as Element | undefined)?.className ?? '') });
            }
          }).observe({ type: 'layout-shift', buffered: true });
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(found)));
        }),
    );
    expect(shifts).toEqual([]);
  });
});

test.describe('when JavaScript is unavailable', () => {
  test.use({ javaScriptEnabled: false });
  test('the checklist is a readable list of boxes, with no dead controls', async ({ page }) => {
    await page.goto(CHAPTER);
    await expect(list(page).getByRole('heading', { name: '定参会范围前检查' })).toBeVisible();
    expect(await boxes(page).count()).toBeGreaterThanOrEqual(5);
    await expect(boxes(page).first()).toBeVisible();
    await expect(list(page).getByRole('button')).toHaveCount(0);
    await expect(list(page).getByRole('status')).toHaveCount(0);
  });
});

test.describe('printing', () => {
  test('prints boxes with the 日期 / 责任人 / 备注 lines, blank or with ticks', async ({ page }) => {
    await open(page, `/checklists/${LIST}/`);
    await boxes(page).nth(0).check();
    await page.emulateMedia({ media: 'print' });
    for (const label of ['日期', '责任人', '备注']) await expect(page.getByText(label, { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: '重置' })).toBeHidden();
    await expect(page.getByRole('banner')).toBeHidden();
    const mark = () => boxes(page).nth(0).evaluate((el) => getComputedStyle(el, '::before').content);
    expect(await mark()).toBe('"✓"');
    await page.evaluate(() => (document.documentElement.dataset.hbPrint = 'blank'));
    expect(await mark()).toBe('none');
    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByText('责任人', { exact: true })).toBeHidden();
  });

  test('the print buttons print blank or with ticks', async ({ page }) => {
    await open(page, `/checklists/${LIST}/`);
    await page.evaluate(() => {
      (window as unknown as { printed: string[] }).printed = [];
      window.print = () => (window as unknown as { printed: string[] }).printed.push(document.documentElement.dataset.hbPrint ?? '');
    });
    await page.getByRole('button', { name: '打印空白表' }).click();
    await page.getByRole('button', { name: '打印（含我的勾选）' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: string[] }).printed)).toEqual(['blank', 'ticked']);
  });
});

/** Checklists an editor wrote for a topic, read from the MDX sources (the test's own oracle). */
function sourceChecklists(topic: string) {
  const dir = path.resolve(import.meta.dirname, '../../content', topic);
  return readdirSync(dir).flatMap((file) =>
    [...readFileSync(path.join(dir, file), 'utf8').matchAll(/<Checklist\s+([^>]*)>/g)].map((m) => ({
      title: /title="([^"]+)"/.exec(m[1])![1],
      phase: /phase="([^"]+)"/.exec(m[1])?.[1],
    })),
  );
}

test.describe('summary and preparation pages', () => {
  test('the preparation sheet for 会议 · 事前 assembles exactly the before-meeting checklists', async ({ page, context }) => {
    await page.goto('/prepare/');
    const row = page.getByRole('row', { name: /^会议/ });
    await row.getByRole('link', { name: /事前/ }).click();
    await expect(page).toHaveURL(/\/prepare\/meetings\/before\/$/);
    const expected = sourceChecklists('meetings').filter((c) => c.phase === 'before').map((c) => c.title);
    expect(expected.length).toBeGreaterThan(0);
    const shown = await page.getByRole('main').locator('hb-checklist').getByRole('heading', { level: 2 }).allTextContents();
    expect(shown.sort()).toEqual(expected.sort());
    // Each links back to its chapter, and ticks are shared with the chapter.
    const first = page.locator('hb-checklist').first();
    await expect(first.getByRole('link', { name: /./ }).first()).toHaveAttribute('href', /^\/meetings\/[a-z-]+\/#checklist-/);
    await expect(first.getByRole('checkbox').first()).toBeEnabled();
    await first.getByRole('checkbox').first().check();
    const href = (await first.getByRole('link').first().getAttribute('href'))!;
    const chapter = await context.newPage();
    await chapter.goto(href);
    const id = await first.getAttribute('data-checklist-id');
    await expect(chapter.locator(`[data-checklist-id="${id}"]`).getByRole('checkbox').first()).toBeChecked();
  });

  test('the whole sheet can be copied and shared', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/prepare/meetings/');
    await expect(page.locator('hb-checklist').first().getByRole('checkbox').first()).toBeEnabled();
    await page.locator('hb-checklist').nth(1).getByRole('checkbox').first().check();
    await page.getByRole('button', { name: '复制整张表' }).click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const titles = await page.locator('hb-checklist').getByRole('heading', { level: 2 }).allTextContents();
    for (const t of titles) expect(text).toContain(t);
    expect(text.match(/☑/g)?.length).toBe(1);
    await page.getByRole('button', { name: '分享整张表' }).click();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(decodeURIComponent(url).split('|').length).toBe(titles.length);
  });

  test('the summary lists every checklist by topic with a printable page each', async ({ page }) => {
    await page.goto('/checklists/');
    const total = TOPICS.reduce((n, t) => n + sourceChecklists(t.slug).length, 0);
    await expect(page.getByRole('main').getByText(`手册共有 ${total} 份检查清单`)).toBeVisible();
    await page.getByRole('region', { name: /^会议/ }).getByRole('link', { name: '定参会范围前检查' }).click();
    await expect(page).toHaveURL(`/checklists/${LIST}/`);
    await expect(page.getByRole('heading', { level: 1, name: '定参会范围前检查' })).toBeVisible();
  });
});

test('the checklist script stays within its byte budget and only loads where needed', async ({ page }) => {
  const scripts = new Set<string>();
  page.on('request', (r) => r.resourceType() === 'script' && scripts.add(new URL(r.url()).pathname));
  await page.goto('/');
  await page.goto('/meetings/');
  // Pages without a checklist carry only the site-wide script (offline support, "/" shortcut).
  const siteWide = new Set(scripts);
  for (const s of siteWide) expect(readFileSync(path.join(dist, s), 'utf8')).not.toContain('hb-checklist');
  await open(page);
  const added = [...scripts].filter((s) => !siteWide.has(s));
  expect(added.length).toBeGreaterThan(0);
  let bytes = 0;
  for (const s of added) bytes += gzipSync(readFileSync(path.join(dist, s))).length;
  expect(bytes).toBeLessThanOrEqual(5 * 1024);
});
