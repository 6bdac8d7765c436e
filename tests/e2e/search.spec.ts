/**
 * Search as a reader uses it: the header box, the /search/ page, filters, the URL, the
 * excerpts and sub-results, hostile queries, and what it costs (requests and bytes).
 * Service workers are blocked here: the offline worker precaches the search index on
 * purpose (issue 7); these tests are about what the page itself fetches.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

test.use({ serviceWorkers: 'block' });

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const searchBox = (page: Page) => page.getByRole('searchbox', { name: '搜索词' });
const results = (page: Page) => page.getByRole('list', { name: '搜索结果' });
const resultTitles = (page: Page) => results(page).getByRole('heading', { level: 2 });
const status = (page: Page) => page.locator('[data-status]');
const isPagefind = (url: string) => new URL(url).pathname.startsWith('/pagefind/');

test.describe('finding a chapter', () => {
  test('typing a term shows the right chapter first, with the term marked', async ({ page }) => {
    await page.goto('/search/');
    await searchBox(page).fill('参会范围');
    await expect(resultTitles(page).first()).toHaveText('谁来参会：参会范围与陪会');
    await expect(status(page)).toContainText(/“参会范围”找到 \d+ 条结果/);
    const first = results(page).getByRole('listitem').first();
    await expect(first).toContainText('会议 · 章节');
    await expect(first.locator('mark').filter({ hasText: '参会范围' }).first()).toBeVisible();
    await expect(page).toHaveURL(/\/search\/\?q=%E5%8F%82%E4%BC%9A%E8%8C%83%E5%9B%B4$/);
  });

  test('with a pinyin input method, nothing is searched until the characters are chosen', async ({ page }) => {
    await page.goto('/search/');
    // Every search the page runs sets the tab title (搜索：…); record them all.
    await page.evaluate(() => {
      const titles: string[] = [];
      (window as unknown as { titles: string[] }).titles = titles;
      new MutationObserver(() => titles.push(document.title)).observe(document.querySelector('title')!, { childList: true, characterData: true, subtree: true });
    });
    await searchBox(page).focus();
    const cdp = await page.context().newCDPSession(page);
    // The reader types pinyin; the input method shows it in the box while offering characters.
    await cdp.send('Input.imeSetComposition', { text: 'canhui', selectionStart: 6, selectionEnd: 6 });
    await expect(searchBox(page)).toHaveValue('canhui');
    // …and reads the candidates for a moment (far longer than the page's typing pause).
    await page.waitForTimeout(500);
    await cdp.send('Input.insertText', { text: '参会' });
    await expect(searchBox(page)).toHaveValue('参会');
    await expect(status(page)).toContainText('“参会”找到');
    const titles = await page.evaluate(() => (window as unknown as { titles: string[] }).titles);
    expect(titles.filter((title) => /canhui/.test(title))).toEqual([]);
    await expect(page).toHaveURL(/\?q=%E5%8F%82%E4%BC%9A$/);
  });

  test('the header box on a chapter page leads to the results (no script on that page)', async ({ page }) => {
    await page.goto('/meetings/overview/');
    const header = page.getByRole('search', { name: '搜索手册' });
    await header.getByRole('searchbox').fill('留痕');
    await header.getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/\/search\/\?q=%E7%95%99%E7%97%95$/);
    await expect(searchBox(page)).toHaveValue('留痕');
    await expect(resultTitles(page).first()).toHaveText('留痕的边界');
    // Excerpts read as Chinese: no ASCII “. ” after a heading, no space after 。, no opening comma.
    const excerpts = await results(page).locator('p').allTextContents();
    expect(excerpts.length).toBeGreaterThan(3);
    for (const text of excerpts) expect(text).not.toMatch(/\p{Script=Han}\.(\s|$)|。\s+\p{Script=Han}|^[，、。]/u);
    // … and the excerpt does not repeat the title shown right above it.
    const firstExcerpt = results(page).getByRole('listitem').first().locator('p').nth(1);
    await expect(firstExcerpt).toContainText('留痕');
    await expect(firstExcerpt).not.toHaveText(/^留痕的边界/);
  });

  test('a word the handbook lacks is left out and named; Chinese no-result help', async ({ page }) => {
    await page.goto(`/search/?${new URLSearchParams({ q: '视频会议 直播' })}`);
    await expect(resultTitles(page).first()).toHaveText('视频会议与会后落实');
    await expect(page.locator('[data-notes]')).toContainText('手册里没有“直播”');

    await page.goto(`/search/?${new URLSearchParams({ q: '钉钉' })}`);
    await expect(status(page)).toHaveText('“钉钉”没有找到结果');
    const notes = page.locator('[data-notes]');
    await expect(notes).toContainText('手册里没有“钉钉”这个说法');
    await expect(notes.getByRole('link', { name: '会议' })).toHaveAttribute('href', '/meetings/');
  });

  test('with no query the page explains what to type', async ({ page }) => {
    await page.goto('/search/');
    await expect(page.getByRole('heading', { level: 1, name: '搜索' })).toBeVisible();
    await expect(page.getByText('这个页面的搜索需要浏览器启用 JavaScript')).toHaveCount(0);
    await expect(page.getByRole('link', { name: '参会范围' })).toBeVisible();
    await expect(results(page)).toBeHidden();
  });
});

test.describe('nothing lost, nothing misleading (issue 16)', () => {
  const notes = (page: Page) => page.locator('[data-notes]');

  test('a phrase the handbook holds is found: a tag, a heading with punctuation', async ({ page }) => {
    await page.goto('/search/');
    // 督查频次 is a tag of two chapters, not a phrase of their text.
    await searchBox(page).fill('督查频次');
    await expect(status(page)).toContainText('“督查频次”找到');
    await expect(resultTitles(page).nth(1)).toBeVisible();
    expect((await resultTitles(page).allTextContents()).slice(0, 2).sort()).toEqual(['督查检查减负总览', '统筹计划与频次']);
    await searchBox(page).fill('领导干部：讲短话、讲实话');
    await expect(resultTitles(page).first()).toHaveText('议程、时长与讲话');
    await expect(notes(page)).not.toContainText('手册里没有');
  });

  test('a heading with 的 or 和 is found as a phrase, and its text reads with them', async ({ page }) => {
    // The index leaves 的, 和 and other grammar words out (src/lib/search/unindexed.ts); readers never see that.
    await page.goto('/search/');
    await searchBox(page).fill('手册的结构');
    await expect(resultTitles(page).first()).toHaveText('前言');
    await expect(results(page).getByRole('listitem').first()).toContainText('手册的结构');
    await expect(notes(page)).not.toContainText('手册里没有');
    for (const text of await results(page).locator('mark').allTextContents()) expect(text).not.toMatch(/[\ue000-\ue0ff\u200b]/);
    await searchBox(page).fill('公众号和工作群怎么办');
    await expect(results(page).getByRole('listitem').first()).toContainText('公众号和工作群怎么办');
    await expect(results(page)).not.toContainText(/[\ue000-\ue0ff\u200b]/);
  });

  test('a download that fails says the search did not finish; 重试 works once the network is back', async ({ page }) => {
    // A flaky network: index chunks do not arrive. Nor does the ready answer for 陪会
    // (src/lib/search/ready.ts), so the page falls back to searching live.
    await page.route('**/pagefind/ready/**', (route) => route.abort('internetdisconnected'));
    await page.route('**/pagefind/index/**', (route) => route.abort('internetdisconnected'));
    await page.goto(`/search/?${new URLSearchParams({ q: '陪会' })}`);
    await expect(status(page)).toHaveText('搜索没有完成：有些搜索文件没有载入。');
    await expect(notes(page)).toContainText('这不是说手册里没有“陪会”');
    await expect(notes(page)).not.toContainText('这个说法');
    await expect(results(page)).toBeHidden();
    await page.unroute('**/pagefind/index/**');

    // A tab left open across an update: the results' text files are gone (404).
    await page.route('**/pagefind/fragment/**', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.getByRole('button', { name: '重试' }).click();
    await expect(status(page)).toHaveText('搜索没有完成：有些搜索文件没有载入。');
    await expect(page.getByRole('button', { name: '重试' })).toBeFocused();
    await page.unroute('**/pagefind/fragment/**');

    await page.getByRole('button', { name: '重试' }).click();
    await expect(resultTitles(page).first()).toHaveText('谁来参会：参会范围与陪会');
    await expect(status(page)).toContainText('“陪会”找到');
    await expect(page.getByRole('button', { name: '重试' })).toHaveCount(0);
    await expect(results(page).getByRole('link').first()).toBeFocused();
  });

  test('traditional characters are searched as simplified, and the results line says so', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script' && !isPagefind(r.url())) scripts.push(r.url());
    });
    await page.goto(`/search/?${new URLSearchParams({ q: '参会范围' })}`);
    await expect(resultTitles(page).first()).toHaveText('谁来参会：参会范围与陪会');
    const initialScripts = scripts.length;

    await searchBox(page).fill('陪會');
    await expect(status(page)).toContainText('已按简体“陪会”搜索');
    await expect(resultTitles(page).first()).toHaveText('谁来参会：参会范围与陪会');
    await expect(notes(page)).not.toContainText('手册里没有');
    // The converter is a script of its own, fetched for this query only.
    expect(scripts.length).toBeGreaterThan(initialScripts);

    for (const [q, simplified] of [['會議 發文', '会议 发文'], ['調研', '调研']]) {
      await searchBox(page).fill(q);
      await expect(status(page)).toContainText(`已按简体“${simplified}”搜索`);
      await expect(status(page)).toContainText(/找到 \d+ 条结果/);
    }
  });

  test('a browser without Intl.Segmenter still searches', async ({ page }) => {
    await page.addInitScript(() => {
      // @ts-expect-error: as in Firefox before 125 and Safari before 14.1
      delete Intl.Segmenter;
    });
    await page.goto(`/search/?${new URLSearchParams({ q: '多头发文' })}`);
    await expect(resultTitles(page).first()).toHaveText('发文数量与多头发文');
    await searchBox(page).fill('督查 整改');
    await expect(status(page)).toContainText('“督查 整改”找到');
    await expect(notes(page)).not.toContainText('手册里没有');
  });
});

test.describe('filters and the URL', () => {
  test('a topic filter narrows the results and goes into the URL', async ({ page }) => {
    await page.goto('/search/');
    await searchBox(page).fill('合并');
    await expect(status(page)).toContainText('找到');
    const all = await results(page).getByRole('listitem').filter({ has: page.getByRole('heading') }).count();
    const before = Number(/找到 (\d+) 条/.exec((await status(page).textContent())!)![1]);
    // Each chip says how many results it would keep, without moving the page (a badge).
    const chip = page.getByRole('checkbox', { name: /^发文/ });
    await expect(chip).toHaveAccessibleName(/^发文\s*，\s*\d+\s*条$/);
    const perTopic = Number(/(\d+)\s*条/.exec((await page.locator('label', { has: chip }).textContent())!)![1]);

    await page.getByRole('checkbox', { name: /^发文/ }).check();
    await expect(page).toHaveURL(/topic=%E5%8F%91%E6%96%87/);
    await expect(status(page)).toContainText('（发文）');
    const after = Number(/找到 (\d+) 条/.exec((await status(page).textContent())!)![1]);
    expect(after).toBeLessThan(before);
    expect(after).toBe(perTopic);
    await expect(resultTitles(page).first()).toHaveText('合并发文与口头通知');
    for (const meta of await results(page).locator('.hb-result__meta').allTextContents()) expect(meta).toMatch(/^发文 · /);
    expect(all).toBeGreaterThan(0);
  });

  test('a kind filter shows only checklists, searched in their own part of the index', async ({ page }) => {
    const metaFiles: string[] = [];
    page.on('request', (r) => {
      if (isPagefind(r.url()) && r.url().endsWith('.pf_meta')) metaFiles.push(new URL(r.url()).pathname);
    });
    await page.goto(`/search/?${new URLSearchParams({ q: '签到', topic: '工作群与政务应用' })}`);
    await expect(resultTitles(page).first()).toHaveText('政务应用：不强制打卡、排名');
    // 全部: chapters (which print their checklists), no checklist pages; 清单 has no count yet.
    for (const meta of await results(page).locator('.hb-result__meta').allTextContents()) expect(meta).not.toMatch(/清单/);
    await expect(page.getByRole('radio', { name: /^清单/ })).toHaveAccessibleName('清单');
    expect(metaFiles).toHaveLength(1);

    await page.getByRole('radio', { name: /^清单/ }).check();
    await expect(page).toHaveURL(/kind=%E6%B8%85%E5%8D%95/);
    await expect(status(page)).toContainText('清单');
    await expect(resultTitles(page).first()).toHaveText(/^(应用上线推广前检查|使用单位应用自查)$/);
    const metas = await results(page).locator('.hb-result__meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas) expect(meta).toMatch(/· 清单$/);
    const found = Number(/找到 (\d+) 条/.exec((await status(page).textContent())!)![1]);
    const chip = page.getByRole('radio', { name: /^清单/ });
    await expect(chip).toHaveAccessibleName(/^清单\s*，\s*\d+\s*条$/);
    // Ticked 工作群与政务应用: the chip counts that topic's checklists and the rest.
    expect(Number(/(\d+)\s*条/.exec((await page.locator('label', { has: chip }).textContent())!)![1])).toBeGreaterThanOrEqual(found);
    expect(metaFiles).toHaveLength(2);
    expect(metaFiles[1]).toContain('qingdan');
  });

  test('an address with 清单 loads the checklists’ part only, and preloads nothing it does not use', async ({ page }) => {
    const metaFiles: string[] = [];
    const unusedPreloads: string[] = [];
    page.on('console', (m) => /preloaded using link preload but not used/.test(m.text()) && unusedPreloads.push(m.text()));
    page.on('request', (r) => {
      if (isPagefind(r.url()) && r.url().endsWith('.pf_meta')) metaFiles.push(new URL(r.url()).pathname);
    });
    await page.goto(`/search/?${new URLSearchParams({ q: '誊抄', kind: '清单' })}`);
    await expect(page.getByRole('radio', { name: /^清单/ })).toBeChecked();
    await expect(resultTitles(page).first()).toHaveText(/^考核前：/);
    await page.waitForLoadState('networkidle');
    expect(metaFiles).toEqual([expect.stringContaining('qingdan')]);
    expect(unusedPreloads).toEqual([]);
  });

  test('no checklist found in the chosen topic: the way out names no count it cannot keep', async ({ page }) => {
    // 誊抄 is in assessment checklists, none of the meeting ones.
    await page.goto(`/search/?${new URLSearchParams({ q: '誊抄', topic: '会议', kind: '清单' })}`);
    await expect(status(page)).toHaveText('“誊抄”没有找到结果（会议 · 清单）');
    const way = page.locator('[data-notes]').getByRole('listitem').filter({ hasText: '去掉筛选条件' });
    await expect(way.getByRole('link', { name: '在全部专题中搜索' })).toBeVisible();
    // The count would be of checklists, but the link searches every kind.
    await expect(way).not.toContainText('其他专题有');
    await way.getByRole('link', { name: '在全部专题中搜索' }).click();
    await expect(status(page)).toContainText('“誊抄”找到');
  });

  test('no chapter found in the chosen topic: the way out says how many the other topics hold', async ({ page }) => {
    await page.goto(`/search/?${new URLSearchParams({ q: '誊抄', topic: '会议' })}`);
    await expect(status(page)).toHaveText('“誊抄”没有找到结果（会议）');
    const way = page.locator('[data-notes]').getByRole('listitem').filter({ hasText: '去掉筛选条件' });
    const text = await way.textContent();
    const n = Number(/其他专题有 (\d+) 条结果/.exec(text ?? '')?.[1]);
    expect(n).toBeGreaterThan(0);
    await way.getByRole('link', { name: '在全部专题中搜索' }).click();
    await expect(status(page)).toHaveText(`“誊抄”找到 ${n} 条结果`);
  });

  test('an address reproduces the search, and back/forward restore it', async ({ page }) => {
    await page.goto('/search/?q=%E7%95%99%E7%97%95&topic=%E8%80%83%E6%A0%B8');
    await expect(searchBox(page)).toHaveValue('留痕');
    await expect(page.getByRole('checkbox', { name: /^考核/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /^会议/ })).not.toBeChecked();
    await expect(resultTitles(page).first()).toHaveText('留痕的边界');
    for (const meta of await results(page).locator('.hb-result__meta').allTextContents()) expect(meta).toMatch(/^考核 · /);

    await searchBox(page).fill('群众评价');
    await searchBox(page).press('Enter');
    await expect(resultTitles(page).first()).toHaveText('群众评价与走出去考核');
    await page.goBack();
    await expect(searchBox(page)).toHaveValue('留痕');
    await expect(resultTitles(page).first()).toHaveText('留痕的边界');
  });

  test('a topic alone lists its pages in reading order, three at a time', async ({ page }) => {
    await page.goto('/search/?topic=%E4%BC%9A%E8%AE%AE&kind=%E7%AB%A0%E8%8A%82');
    await expect(status(page)).toHaveText('会议 · 章节：共 5 页');
    await expect(resultTitles(page)).toHaveText(['会议减负总览', '该不该开：会议的取舍与合并', '谁来参会：参会范围与陪会']);
    await page.getByRole('button', { name: '显示更多结果（还有 2 条）' }).click();
    await expect(resultTitles(page)).toHaveText([
      '会议减负总览', '该不该开：会议的取舍与合并', '谁来参会：参会范围与陪会', '议程、时长与讲话', '视频会议与会后落实',
    ]);
    // Keyboard readers continue at the first new result; nothing more to show.
    await expect(results(page).getByRole('link', { name: '议程、时长与讲话' })).toBeFocused();
    await expect(page.getByRole('button', { name: /显示更多结果/ })).toBeHidden();
  });
});

test.describe('results link into the chapter', () => {
  test('a sub-result link lands on its heading', async ({ page }) => {
    await page.goto(`/search/?${new URLSearchParams({ q: '三档定人' })}`);
    const first = results(page).getByRole('listitem').first();
    await expect(first.getByRole('heading', { level: 2 })).toHaveText('谁来参会：参会范围与陪会');
    await first.getByRole('link', { name: '三档定人' }).click();
    await expect(page).toHaveURL(/\/meetings\/attendance\/#/);
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#三档定人');
    await expect(page.getByRole('heading', { level: 3, name: '三档定人' })).toBeInViewport();
  });
});

test.describe('hostile input', () => {
  const attack = '<img src=x onerror=alert(1)>';

  test('a query containing HTML is shown as text and runs nothing', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`/search/?${new URLSearchParams({ q: attack })}`);
    await expect(status(page)).toContainText(attack);
    await searchBox(page).fill(`${attack} 留痕`);
    await expect(status(page)).toContainText(attack);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await expect(page.locator('main img')).toHaveCount(0);
    expect(await page.evaluate(() => document.title)).toContain(attack);
  });
});

test.describe('a term the build answered ahead (ready answers)', () => {
  test('from the address: the first results without Pagefind; 显示更多结果 loads it and continues the list; a term typed reads its answer too', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => isPagefind(r.url()) && fetched.push(new URL(r.url()).pathname));
    await page.goto(`/search/?${new URLSearchParams({ q: '留痕' })}`);
    await expect(resultTitles(page)).toHaveCount(3);
    await expect(status(page)).toContainText(/“留痕”找到 \d+ 条结果/);
    expect(fetched.filter((p) => !p.startsWith('/pagefind/ready/'))).toEqual([]);
    expect(fetched).toHaveLength(1);
    // The chips' counts come with the answer.
    await expect(page.getByRole('checkbox', { name: /^考核\s*，\s*\d+ 条/ })).toBeVisible();

    await page.getByRole('button', { name: /显示更多结果/ }).click();
    await expect(resultTitles(page)).toHaveCount(6);
    expect(fetched).toContain('/pagefind/pagefind.js');
    await expect(resultTitles(page).nth(3).getByRole('link')).toBeFocused();

    // Another term typed, with Pagefind loaded: its ready answer, not its chunks and fragments
    // (tests/unit/search-ready.test.ts: every answer is the live search's first results).
    const before = fetched.length;
    await searchBox(page).fill('陪会');
    await expect(status(page)).toContainText('“陪会”找到');
    await expect(resultTitles(page)).toHaveCount(3);
    await expect(resultTitles(page).first()).toHaveText('谁来参会：参会范围与陪会');
    const typed = fetched.slice(before);
    expect(typed.filter((p) => p.startsWith('/pagefind/ready/'))).toHaveLength(1);
    expect(typed.filter((p) => /\/pagefind\/(index|fragment)\//.test(p))).toEqual([]);
  });
});

test.describe('what search costs', () => {
  test('nothing of the search is fetched before the reader touches it', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (isPagefind(r.url())) fetched.push(r.url());
    });
    await page.goto('/meetings/attendance/');
    await page.getByRole('search', { name: '搜索手册' }).getByRole('searchbox').fill('参会');
    await page.goto('/search/');
    await page.waitForLoadState('networkidle');
    expect(fetched).toEqual([]);
    await searchBox(page).focus();
    await expect.poll(() => fetched.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);
  });

  // Each query in a fresh browser context: nothing cached. Heavy queries of the set outside
  // the vocabulary, so searched through Pagefind (tests/unit/search-cost.test.ts counts every
  // query's files without a browser); here the whole transfer through nginx, headers included.
  for (const q of ['督查 整改', '政务应用 打卡', '在线时长']) {
    test(`a first search transfers at most 100 KB, Pagefind included (${q})`, async ({ browser }) => {
      const context = await browser.newContext({ serviceWorkers: 'block', locale: 'zh-CN' });
      const page = await context.newPage();
      const unusedPreloads: string[] = [];
      page.on('console', (m) => /preloaded using link preload but not used/.test(m.text()) && unusedPreloads.push(m.text()));
      await page.goto('/search/');
      await page.waitForLoadState('networkidle');
      const transfers: { url: string; bytes: number }[] = [];
      const pending: Promise<void>[] = [];
      context.on('requestfinished', (request) => {
        pending.push(
          request.sizes().then((s) => {
            transfers.push({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize });
          }),
        );
      });
      await searchBox(page).fill(q);
      await expect(status(page)).toContainText(`“${q}”找到`);
      await expect(resultTitles(page).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      await Promise.all(pending);
      const search = transfers.filter((t) => isPagefind(t.url));
      const total = search.reduce((sum, t) => sum + t.bytes, 0);
      test.info().annotations.push({ type: 'first search', description: `${q}: ${total} bytes in ${search.length} requests` });
      expect(search.some((t) => t.url.includes('/pagefind/wasm.'))).toBe(true);
      // The page preloads Pagefind's entry, pf_meta and WebAssembly beside pagefind.js
      // (src/lib/search/first-files.ts): each is downloaded once, by the preload pagefind.js uses.
      const urls = search.map((t) => new URL(t.url).pathname + new URL(t.url).search);
      expect(urls.filter((u, i) => urls.indexOf(u) !== i)).toEqual([]);
      expect(urls).toContainEqual(expect.stringMatching(/^\/pagefind\/pagefind-entry\.json\?ts=zh-cn_\w+$/));
      expect(unusedPreloads).toEqual([]);
      expect(total).toBeLessThanOrEqual(100_000);
      await context.close();
    });
  }

  test('the search page’s own script is small', async ({ page, context }) => {
    const scripts: number[] = [];
    context.on('requestfinished', async (request) => {
      if (request.resourceType() === 'script' && !isPagefind(request.url())) scripts.push((await request.sizes()).responseBodySize);
    });
    await page.goto('/search/');
    await page.waitForLoadState('networkidle');
    expect(scripts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10_000);
  });
});

test.describe('keyboard, phone, accessibility', () => {
  test('/ jumps to the search box', async ({ page }) => {
    await page.goto('/search/?q=%E7%95%99%E7%97%95');
    await expect(resultTitles(page).first()).toBeVisible();
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('/');
    await expect(searchBox(page)).toBeFocused();
    await expect(searchBox(page)).toHaveValue('留痕');
  });

  test('/ jumps to the header search box on any page', async ({ page }) => {
    await page.goto('/meetings/attendance/');
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('/');
    const box = page.getByRole('search', { name: '搜索手册' }).getByRole('searchbox');
    await expect(box).toBeFocused();
    await page.keyboard.type('视频会议');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=/);
    await expect(resultTitles(page).first()).toBeVisible();
  });

  test('results fit a 360 px phone', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/search/?${new URLSearchParams({ q: '打卡接龙' })}`);
    await expect(resultTitles(page).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the search page with results has no axe violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`/search/?${new URLSearchParams({ q: '陪会', topic: '会议' })}`);
      await expect(resultTitles(page).first()).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});

test.describe('when JavaScript is unavailable', () => {
  test.use({ javaScriptEnabled: false });

  test('the header form still reaches /search/, which says what to do', async ({ page }) => {
    await page.goto('/meetings/overview/');
    const header = page.getByRole('search', { name: '搜索手册' });
    await header.getByRole('searchbox').fill('留痕');
    await header.getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/\/search\/\?q=%E7%95%99%E7%97%95$/);
    await expect(page.getByText('这个页面的搜索需要浏览器启用 JavaScript')).toBeVisible();
    await expect(page.locator('.hb-search__nojs').getByRole('link', { name: '考核' })).toHaveAttribute('href', '/assessment/');
  });
});
