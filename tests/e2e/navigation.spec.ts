import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { dist } from './site-pages';
import { TOPICS } from '../../src/lib/topics';

test.describe('the seventh topic, 基层权责, is everywhere a topic is', () => {
  const chapters = ['基层权责总览', '属地管理与乡镇履职事项清单', '责任书、责任状与一票否决', '借调与工作专班', '创建示范与达标活动'];

  test('in the table of contents, its topic page and the search filter', async ({ page }) => {
    await page.goto('/meetings/overview/');
    const nav = page.getByRole('navigation', { name: '手册目录' });
    await expect(nav.getByRole('link', { name: '基层权责', exact: true })).toHaveAttribute('href', '/duties/');
    for (const title of chapters) await expect(nav.getByRole('link', { name: title })).toBeVisible();
    await page.goto('/duties/');
    await expect(page.getByRole('heading', { level: 1, name: '基层权责' })).toBeVisible();
    for (const title of chapters) await expect(page.getByRole('main').getByRole('link', { name: title })).toBeVisible();
    await page.goto('/search/?topic=' + encodeURIComponent('基层权责'));
    await expect(page.getByRole('checkbox', { name: /^基层权责/ })).toBeChecked();
    // Browsing the topic lists its pages in reading order, three at a time: its overview first.
    await expect(page.getByRole('list', { name: '搜索结果' }).getByRole('heading', { level: 2 }).first()).toHaveText('基层权责总览', { timeout: 15_000 });
  });

  test('in 清单汇总, 会前准备单 and the print pages', async ({ page }) => {
    await page.goto('/checklists/');
    const section = page.getByRole('region', { name: /^基层权责（\d+ 份）/ });
    await expect(section.getByRole('link', { name: /借调/ }).first()).toBeVisible();
    await page.goto('/prepare/');
    await expect(page.getByRole('rowheader', { name: '基层权责' })).toBeVisible();
    await page.getByRole('link', { name: /^全部\s*（基层权责）$/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: '基层权责准备单（全部清单）' })).toBeVisible();
    await page.goto('/print/duties/');
    for (const title of chapters) await expect(page.getByRole('heading', { name: title }).first()).toBeVisible();
    await page.goto('/print/');
    await expect(page.getByRole('heading', { name: '基层权责', exact: true }).first()).toBeVisible();
  });
});

test.describe('reading the handbook', () => {
  test('home → topic → chapter, with breadcrumbs and no scripts', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '基层减负工作手册' })).toBeVisible();
    for (const { name } of TOPICS) {
      await expect(page.getByRole('main').getByRole('link', { name: new RegExp(`^${name}`) })).toBeVisible();
    }
    await page.getByRole('main').getByRole('link', { name: /^会议/ }).click();
    await expect(page).toHaveURL(/\/meetings\/$/);
    await expect(page.getByRole('heading', { level: 1, name: '会议' })).toBeVisible();
    const chapters = page.getByRole('main').getByRole('listitem');
    expect(await chapters.count()).toBeGreaterThanOrEqual(4);
    await page.getByRole('main').getByRole('link', { name: '会议减负总览' }).click();
    await expect(page).toHaveURL(/\/meetings\/overview\/$/);
    await expect(page.getByRole('heading', { level: 1, name: '会议减负总览' })).toBeVisible();
    const crumbs = page.getByRole('navigation', { name: '当前位置' });
    await expect(crumbs.getByRole('link', { name: '首页' })).toHaveAttribute('href', '/');
    await expect(crumbs.getByRole('link', { name: '会议' })).toHaveAttribute('href', '/meetings/');
    // The sidebar marks the current chapter.
    await expect(page.getByRole('navigation', { name: '手册目录' }).locator('[aria-current="page"]')).toHaveText('会议减负总览');
  });

  test('previous/next links walk the whole handbook across topics', async ({ page }) => {
    await page.goto('/meetings/overview/');
    const prevNext = page.getByRole('navigation', { name: '上一篇和下一篇' });
    // The first meetings chapter follows the last front-matter page.
    await expect(prevNext.getByRole('link', { name: /上一篇/ })).toContainText('培训使用指南');
    await page.goto('/documents/overview/');
    const prevTitle = (await page.getByRole('navigation', { name: '上一篇和下一篇' }).getByRole('link', { name: /上一篇/ }).textContent())!;
    await page.getByRole('navigation', { name: '上一篇和下一篇' }).getByRole('link', { name: /上一篇/ }).click();
    await expect(page).toHaveURL(/\/meetings\/[a-z-]+\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(prevTitle.replace('上一篇', '').trim());
    await page.getByRole('navigation', { name: '上一篇和下一篇' }).getByRole('link', { name: /下一篇/ }).click();
    await expect(page).toHaveURL(/\/documents\/overview\/$/);
  });

  test('the page table of contents jumps to its headings', async ({ page }) => {
    await page.goto('/meetings/attendance/');
    const toc = page.getByRole('navigation', { name: '本页内容' });
    await toc.getByRole('link', { name: '怎么做' }).click();
    await expect.poll(() => decodeURIComponent(page.url())).toMatch(/#怎么做$/);
    await expect(page.getByRole('heading', { level: 2, name: '怎么做' })).toBeInViewport();
  });

  test('footer shows the edition and the update date', async ({ page }) => {
    await page.goto('/meetings/overview/');
    const footer = page.getByRole('contentinfo');
    await expect(footer).toContainText('基层减负工作手册 · 2026年第1版');
    await expect(footer).toContainText(/本页更新：\d{4}年\d{1,2}月\d{1,2}日/);
  });

  test('pages without an interactive part ship only the tiny offline script', async ({ page }) => {
    const scripts = new Set<string>();
    page.on('request', (r) => r.resourceType() === 'script' && scripts.add(new URL(r.url()).pathname));
    for (const path of ['/', '/meetings/', '/guide/preface/', '/guide/glossary/', '/checklists/', '/prepare/']) {
      await page.goto(path);
    }
    // Only the service-worker registration (offline reading) and the small DOM helper it
    // imports: no framework, no search, no checklist code.
    let bytes = 0;
    const texts = [...scripts].map((s) => [s, readFileSync(path.join(dist, s), 'utf8')] as const);
    expect(texts.filter(([, text]) => text.includes('serviceWorker')).length).toBe(1);
    for (const [s, text] of texts) {
      expect(text, s).not.toMatch(/hb-checklist|pagefind/);
      bytes += gzipSync(text).length;
    }
    expect(scripts.size).toBeLessThanOrEqual(2);
    expect(bytes).toBeLessThanOrEqual(1536);
  });

  test('unknown address shows a Chinese 404 page', async ({ page }) => {
    const response = await page.goto('/no-such-chapter/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: '页面没有找到' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: '首页' })).toBeVisible();
  });
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('the chapter list is a drawer and nothing scrolls sideways', async ({ page }) => {
    await page.goto('/meetings/attendance/');
    const nav = page.getByRole('navigation', { name: '手册目录' });
    await expect(nav).toBeHidden();
    await page.getByText('手册目录', { exact: true }).click();
    await expect(nav).toBeVisible();
    await nav.getByRole('link', { name: '发文减负总览' }).click();
    await expect(page).toHaveURL(/\/documents\/overview\/$/);
    for (const path of ['/', '/meetings/', '/meetings/attendance/', '/guide/glossary/', '/guide/training-guide/']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal scroll on ${path}`).toBeLessThanOrEqual(0);
    }
  });

  test('the header’s 搜索 button holds its text at 360 and 320 px, and the box beside it stays usable', async ({ page }) => {
    for (const width of [360, 320]) {
      await page.setViewportSize({ width, height: 740 });
      await page.goto('/');
      const search = page.getByRole('banner').getByRole('search');
      const button = search.getByRole('button', { name: '搜索' });
      const fit = await button.evaluate((b) => {
        const text = document.createRange();
        text.selectNodeContents(b);
        const style = getComputedStyle(b);
        const room = b.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
        return { text: text.getBoundingClientRect().width, room, right: b.getBoundingClientRect().right };
      });
      expect(fit.text, `搜索 squeezed at ${width} px`).toBeLessThanOrEqual(fit.room + 0.5);
      expect(fit.right, `搜索 spills at ${width} px`).toBeLessThanOrEqual(width);
      expect((await search.getByRole('searchbox').boundingBox())!.width).toBeGreaterThanOrEqual(56);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
  });
});

test.describe('on a desktop screen', () => {
  test.use({ viewport: { width: 1366, height: 900 } });
  test('the sidebar and the page contents are always open', async ({ page }) => {
    await page.goto('/meetings/attendance/');
    await expect(page.getByRole('navigation', { name: '手册目录' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '本页内容' })).toBeVisible();
  });
});
