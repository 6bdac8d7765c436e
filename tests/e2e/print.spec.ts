/**
 * Printing: what a trainer gets on paper. Print media emulated on the built pages, then the
 * PDFs the build made, read back with poppler (pdftotext, pdfinfo, pdffonts) as a person
 * reading the printout would: titles in order, page numbers in the footer and in the
 * contents, Chinese text that is really Chinese.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { builtPages, dist } from './site-pages';
import { TOPICS } from '../../src/lib/topics';

const FOOTER = /第\s*(\d+)\s*页\s*\/\s*共\s*(\d+)\s*页/;
const HANDBOOK_TITLE = '基层减负工作手册';

/** The handbook's pages in reading order, as the sidebar lists them (front, chapters, back). */
async function readingOrder(page: Page): Promise<{ href: string; title: string }[]> {
  await page.goto('/meetings/overview/');
  const links = page.getByRole('navigation', { name: '手册目录' }).getByRole('link');
  const all = await links.evaluateAll((els) => els.map((a) => ({ href: a.getAttribute('href')!, title: a.textContent!.trim() })));
  return all.filter((l) => /^\/(guide\/[^/]+|[a-z-]+\/[a-z-]+)\/$/.test(l.href));
}

function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is missing: apt-get install -y poppler-utils`);
    }
    throw error;
  }
}

const pdfPath = (file: string) => path.join(dist, file);
const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', [pdfPath(file)]))![1]);
/** The text of each page (pdftotext ends every page with a form feed); [0] is page 1. */
const extracted = new Map<string, string[]>();
function pagesOf(file: string): string[] {
  if (!extracted.has(file)) extracted.set(file, poppler('pdftotext', [pdfPath(file), '-']).split('\f').slice(0, pageCount(file)));
  return extracted.get(file)!;
}
const squash = (text: string) => text.replace(/\s+/g, '');

function requirePdf(file: string) {
  expect(
    existsSync(pdfPath(file)),
    `${file} is missing from ${dist}: the build makes it when Chromium is installed (npm run pdf regenerates it)`,
  ).toBe(true);
}

/**
 * The contents of a PDF as printed: title → page, read from the pages after the cover with
 * `pdftotext -layout` (title, dotted leader, right-aligned page number on one line).
 */
function printedToc(file: string, titles: string[]): Map<string, number> {
  const toc = new Map<string, number>();
  const contents = poppler('pdftotext', ['-layout', '-f', '2', '-l', '4', pdfPath(file), '-']).split('\f');
  for (const text of contents) {
    for (const line of text.split('\n')) {
      const m = /^\s*(\S.*?)\s{2,}(\d+)\s*$/.exec(line);
      if (!m) continue;
      const title = titles.find((t) => squash(m[1]).endsWith(squash(t)));
      if (title && !toc.has(title)) toc.set(title, Number(m[2]));
    }
  }
  return toc;
}

/** Does the page start with the section titled `title` (below the running head)? */
function startsWith(pageText: string, title: string): boolean {
  const lines = pageText.split('\n').map((l) => l.trim()).filter(Boolean);
  const body = lines.filter((l) => !l.startsWith(HANDBOOK_TITLE) && !FOOTER.test(l));
  return squash(body.slice(0, 6).join('')).includes(squash(title));
}

test.describe('printing any page (print media)', () => {
  test('a chapter prints without the site chrome, black on white, with its address and QR code', async ({ page }) => {
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await page.goto('/meetings/attendance/');
    await expect(page.getByRole('heading', { level: 1, name: '谁来参会：参会范围与陪会' })).toBeVisible();
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('search')).toBeHidden();
    await expect(page.getByRole('navigation', { name: '手册目录' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: '当前位置' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: '上一篇和下一篇' })).toBeHidden();
    await expect(page.getByText('本页目录')).toBeHidden();
    for (const button of await page.getByRole('button').all()) await expect(button).toBeHidden();

    const colours = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const link = getComputedStyle(document.querySelector('article a')!);
      return { text: body.color, background: body.backgroundColor, link: link.color, font: body.fontFamily, size: getComputedStyle(document.querySelector('article p')!).fontSize };
    });
    expect(colours.text).toBe('rgb(0, 0, 0)');
    expect(colours.link).toBe('rgb(0, 0, 0)');
    expect(colours.background).toMatch(/rgb\(255, 255, 255\)|rgba\(0, 0, 0, 0\)/);
    expect(colours.font).toContain('Noto Serif CJK SC');
    expect(parseFloat(colours.size)).toBeCloseTo((11 * 96) / 72, 1); // 11 pt

    // Edition, address and QR code at the top of the first page, above the title.
    await expect(page.getByText(/^基层减负工作手册 · 2026年第1版 · 本页更新：\d{4}年/)).toBeVisible();
    const address = page.getByText('本页网址：https://handbook.example.org/meetings/attendance/');
    await expect(address).toBeVisible();
    const qr = page.getByRole('img', { name: /二维码.*\/meetings\/attendance\// });
    await expect(qr).toBeVisible();
    const title = page.getByRole('heading', { level: 1 });
    expect((await qr.boundingBox())!.y).toBeLessThan((await title.boundingBox())!.y);
    await expect(page.getByRole('contentinfo')).toBeHidden();
  });

  test('on screen the print-only address and QR code stay out of the way', async ({ page }) => {
    await page.goto('/meetings/attendance/');
    await expect(page.getByRole('img', { name: /二维码/ })).toBeHidden();
    await expect(page.getByText('本页网址：')).toBeHidden();
    await expect(page.getByRole('contentinfo')).toBeVisible();
  });

  // Every page a reader prints on its own, in two halves so both test workers share the work.
  const printable = builtPages().filter((p) => /^\/(guide\/[^/]+|[a-z-]+\/[a-z-]+)\/$/.test(p) && !/^\/(print|checklists|prepare|handouts|search|slides)\//.test(p));
  for (const half of [0, 1]) {
    test(`no printed page ends on a sheet without text of its own (${half + 1}/2)`, async ({ page }, testInfo) => {
      test.setTimeout(180_000);
      expect(printable).toEqual(expect.arrayContaining(['/meetings/attendance/', '/guide/glossary/']));
      const pages = printable.filter((_, i) => i % 2 === half);
      const file = testInfo.outputPath('chapter.pdf');
      const endings: string[] = [];
      await page.emulateMedia({ media: 'print' });
      for (const url of pages) {
        await page.goto(url);
        writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
        const last = poppler('pdftotext', [file, '-']).split('\f').filter((t) => t.trim()).at(-1) ?? '';
        // Without the running head and the page number, the last sheet must still hold text.
        const own = last.split('\n').map((l) => l.trim()).filter((l) => l && l !== HANDBOOK_TITLE && !FOOTER.test(l));
        if (own.length === 0) endings.push(url);
      }
      expect(endings, 'printouts whose last sheet holds only the running head and page number').toEqual([]);
    });
  }

  test('headings stay with their text; checklists, callouts and tables are not split', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    await page.goto('/meetings/attendance/');
    const breaks = await page.evaluate(() => {
      const style = (sel: string) => getComputedStyle(document.querySelector(sel)!);
      return {
        h2: style('article h2').breakAfter,
        h3: style('article h3').breakAfter,
        checklist: style('.hb-checklist').breakInside,
        callout: style('.hb-callout').breakInside,
        table: style('article table').breakInside,
        tableDisplay: style('article table').display,
        thead: style('article thead').display,
      };
    });
    expect(breaks).toEqual({
      h2: 'avoid-page',
      h3: 'avoid-page',
      checklist: 'avoid',
      callout: 'avoid',
      table: 'avoid',
      tableDisplay: 'table',
      thead: 'table-header-group',
    });
  });

  test('a checklist prints as empty boxes with 日期 / 责任人 / 备注 lines', async ({ page }) => {
    await page.goto('/meetings/attendance/');
    const checklist = page.locator('[data-checklist-id="meetings-attendance-before"]');
    await expect(checklist.getByText('责任人')).toBeHidden();
    await page.emulateMedia({ media: 'print' });
    for (const field of ['日期', '责任人', '备注']) await expect(checklist.getByText(field, { exact: true })).toBeVisible();
    const box = checklist.getByRole('checkbox').first();
    await expect(box).toBeVisible();
    const look = await box.evaluate((el) => {
      const s = getComputedStyle(el);
      return { border: s.borderTopStyle, width: s.borderTopWidth, checked: (el as HTMLInputElement).checked };
    });
    expect(look).toEqual({ border: 'solid', width: expect.stringMatching(/^1(\.\d+)?px$/), checked: false });
  });

  test('external links print their address; links within the handbook do not', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    await page.goto('/meetings/attendance/');
    // The chapters cite sources in text; add an external link the way an editor would write one.
    await page.locator('article p').first().evaluate((p) => {
      p.insertAdjacentHTML('beforeend', ' 见<a href="https://www.gov.cn/zhengce/">中国政府网政策栏目</a>。');
    });
    const after = (selector: string) => page.locator(selector).first().evaluate((a) => getComputedStyle(a, '::after').content);
    expect(await after('article a[href="https://www.gov.cn/zhengce/"]')).toBe('"（https://www.gov.cn/zhengce/）"');
    await expect(page.getByRole('link', { name: '中国政府网政策栏目（https://www.gov.cn/zhengce/）' })).toBeVisible();
    expect(await after('article a[href^="/guide/glossary/"]')).toMatch(/^(none|normal)$/);
  });

  test('the page margins carry a running head and “第 N 页 / 共 M 页” in a CJK font', async ({ page }) => {
    await page.goto('/meetings/attendance/');
    // Page-margin boxes are not in the DOM: read the @page rules the browser parsed.
    const rules = await page.evaluate(() => {
      const out: string[] = [];
      const walk = (list: CSSRuleList) => {
        for (const rule of Array.from(list)) {
          if (rule instanceof CSSPageRule) out.push(rule.cssText);
          else if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
        }
      };
      for (const sheet of Array.from(document.styleSheets)) walk(sheet.cssRules);
      return out.join('\n');
    });
    expect(rules).toMatch(/size: A4/i);
    expect(rules).toMatch(/counter\(page\).*页.*counter\(pages\)/);
    expect(rules).toContain('Noto Sans CJK SC');
  });
});

test.describe('print documents', () => {
  test('/print/ is the whole handbook: cover, contents in reading order, every page from a new sheet', async ({ page }) => {
    const order = await readingOrder(page);
    expect(order.length).toBeGreaterThan(20);
    expect(order.at(-1)?.title).toBe('术语');

    await page.goto('/print/');
    await expect(page.getByRole('heading', { level: 1, name: HANDBOOK_TITLE })).toBeVisible();
    await expect(page.getByText('2026年第1版').first()).toBeVisible();
    await expect(page.getByRole('img', { name: '二维码：https://handbook.example.org/', exact: true })).toBeVisible();

    const toc = page.getByRole('navigation', { name: '目录' });
    const tocTitles = (await toc.getByRole('link').allTextContents()).map((t) => t.trim());
    // Every handbook page, in reading order (topic part pages in between).
    const pagesInToc = tocTitles.filter((t) => order.some((o) => o.title === t));
    expect(pagesInToc).toEqual(order.map((o) => o.title));

    // Each TOC link leads to a section that starts a new printed page, and ids are unique.
    const sections = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      const links = [...document.querySelectorAll('nav[aria-labelledby="hb-print-toc-title"] a')].map((a) => a.getAttribute('href')!.slice(1));
      return { duplicates: ids.filter((id, i) => ids.indexOf(id) !== i), missing: links.filter((id) => !document.getElementById(id)) };
    });
    expect(sections).toEqual({ duplicates: [], missing: [] });
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.evaluate(() =>
      [...document.querySelectorAll('.hb-print-section, .hb-print-part')].map((s) => getComputedStyle(s).breakBefore),
    );
    // Sections: every page in reading order, then one per policy record; parts: one per topic
    // and the 政策文件 appendix.
    const policies = builtPages().filter((p) => /^\/policies\/[^/]+\/$/.test(p)).length;
    expect(policies).toBeGreaterThan(0);
    await expect(page.getByRole('heading', { level: 2, name: '政策文件', exact: true })).toHaveCount(1);
    expect(breaks.length).toBe(order.length + policies + TOPICS.length + 1);
    expect(new Set(breaks)).toEqual(new Set(['page']));
    await expect(page.getByRole('navigation', { name: '手册目录' })).toHaveCount(0);
    await expect(page.getByRole('contentinfo')).toBeHidden();
  });

  test('in the combined page, contents and cross-references jump within the document', async ({ page }) => {
    await page.goto('/print/');
    await page.getByRole('navigation', { name: '目录' }).getByRole('link', { name: '谁来参会：参会范围与陪会' }).click();
    await expect(page.getByRole('heading', { name: '谁来参会：参会范围与陪会' })).toBeInViewport();
    // The chapter's link to the glossary entry 陪会 now points at the glossary inside this page.
    const section = page.locator('#p-meetings-attendance');
    const glossaryLink = section.getByRole('link', { name: '陪会', exact: true }).first();
    await expect(glossaryLink).toHaveAttribute('href', /^#p-guide-glossary--/);
    await glossaryLink.click();
    await expect(page.locator('#p-guide-glossary').getByRole('heading', { name: '陪会', exact: true })).toBeInViewport();
  });

  test('/print/<topic>/ is a training handout with its chapters, checklists and discussion questions', async ({ page }) => {
    const order = await readingOrder(page);
    for (const topic of TOPICS) {
      const chapters = order.filter((o) => o.href.startsWith(`/${topic.slug}/`));
      await page.goto(`/print/${topic.slug}/`);
      await expect(page.getByRole('heading', { level: 1, name: topic.name })).toBeVisible();
      await expect(page.getByText(/培训讲义/).first()).toBeVisible();
      for (const c of chapters) await expect(page.getByRole('heading', { level: 2, name: c.title, exact: true })).toBeVisible();
      // Each chapter keeps its checklists and its 培训讨论 section; the record sheet collects the questions.
      expect(await page.locator('.hb-print-section .hb-checklist').count()).toBeGreaterThanOrEqual(chapters.length);
      expect(await page.getByRole('heading', { name: '培训讨论', exact: true }).count()).toBe(chapters.length);
      const record = page.locator('section', { has: page.getByRole('heading', { level: 2, name: '讨论记录' }) });
      expect(await record.getByRole('listitem').count()).toBeGreaterThanOrEqual(chapters.length * 2);
    }
    // A browser's own print matches the PDF only where CSS page-margin boxes work.
    await expect(page.getByText('在 iPhone 上（以及用 Safari 或 Firefox）打印，纸上没有页眉和页码，请用 PDF。')).toBeVisible();
  });

  test('/print/checklists/ holds every checklist as a blank worksheet, by topic', async ({ page }) => {
    await page.goto('/print/');
    const inHandbook = await page.locator('[data-checklist-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-checklist-id')));
    await page.goto('/print/checklists/');
    await expect(page.getByRole('heading', { level: 1, name: '检查清单工作表' })).toBeVisible();
    const worksheets = page.locator('.hb-worksheet [data-checklist-id]');
    const ids = await worksheets.evaluateAll((els) => els.map((e) => e.getAttribute('data-checklist-id')));
    expect(ids.length).toBeGreaterThan(20);
    expect([...ids].sort()).toEqual([...inHandbook].sort());
    for (const topic of TOPICS) await expect(page.getByRole('heading', { level: 2, name: new RegExp(topic.name) })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(worksheets.first().getByText('备注', { exact: true })).toBeVisible();
    expect(await page.locator('.hb-worksheet input:checked').count()).toBe(0);
  });
});

test.describe('PDFs made by the build', () => {
  test('each PDF exists with a plausible number of A4 pages', async ({ page }) => {
    const order = await readingOrder(page);
    requirePdf('handbook.pdf');
    const info = poppler('pdfinfo', [pdfPath('handbook.pdf')]);
    expect(info).toMatch(/Page size:.*\(A4\)/);
    expect(pageCount('handbook.pdf')).toBeGreaterThan(order.length + 2);
    expect(pageCount('handbook.pdf')).toBeLessThan(order.length * 12);
    for (const topic of TOPICS) {
      const file = `handouts/${topic.slug}.pdf`;
      requirePdf(file);
      const chapters = order.filter((o) => o.href.startsWith(`/${topic.slug}/`)).length;
      expect(pageCount(file)).toBeGreaterThan(chapters + 2);
      expect(pageCount(file)).toBeLessThan(chapters * 12);
    }
    requirePdf('checklists.pdf');
    const checklists = readFileSync(path.join(dist, 'print/checklists/index.html'), 'utf8').match(/class="hb-worksheet"/g)!.length;
    expect(pageCount('checklists.pdf')).toBeGreaterThanOrEqual(Math.ceil(checklists / 2) + 2);
    expect(pageCount('checklists.pdf')).toBeLessThanOrEqual(checklists + 2 + TOPICS.length);
  });

  test('handbook.pdf: every chapter title in reading order, page footers, Chinese text, embedded fonts', async ({ page }) => {
    const order = await readingOrder(page);
    requirePdf('handbook.pdf');
    const total = pageCount('handbook.pdf');
    const pages = pagesOf('handbook.pdf');
    const text = pages.join('\n');
    // Every page of the handbook starts a printed page, in reading order, after the contents.
    let next = 2;
    for (const { title } of order) {
      const at = pages.findIndex((p, i) => i >= next && startsWith(p, title));
      expect(at, `“${title}” should start a page, after the one before it`).toBeGreaterThanOrEqual(0);
      next = at + 1;
    }
    // Cover without footer; then “第 N 页 / 共 M 页” on every page, and the running head.
    expect(pages[0]).not.toMatch(FOOTER);
    for (const n of [2, Math.ceil(total / 2), total]) {
      const t = pages[n - 1];
      expect(t.match(FOOTER)?.slice(1, 3), `footer of page ${n}`).toEqual([String(n), String(total)]);
      expect(t).toContain(`${HANDBOOK_TITLE} · 2026年第1版`);
    }
    // Chinese extracts as Chinese: no replacement characters, mostly CJK, known phrases intact.
    expect(text).not.toContain('\uFFFD');
    const cjk = (text.match(/\p{Script=Han}/gu) ?? []).length;
    expect(cjk / squash(text).length).toBeGreaterThan(0.7);
    expect(text).toContain('按事项定人，不按级别定人');
    // Every font is embedded (no reader-dependent substitutes, no missing glyphs).
    const fonts = poppler('pdffonts', [pdfPath('handbook.pdf')]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe('yes');
  });

  test('contents page numbers match where each section starts', async ({ page }) => {
    const order = await readingOrder(page);
    requirePdf('handbook.pdf');
    const titles = order.map((o) => o.title);
    const toc = printedToc('handbook.pdf', titles);
    expect([...toc.keys()]).toEqual(titles);
    const pages = pagesOf('handbook.pdf');
    let previous = 2;
    for (const [title, n] of toc) {
      expect(n, `${title}: page numbers go up`).toBeGreaterThan(previous);
      expect(startsWith(pages[n - 1], title), `“${title}” should start on page ${n}`).toBe(true);
      previous = n;
    }
    for (const topic of TOPICS) {
      const file = `handouts/${topic.slug}.pdf`;
      requirePdf(file);
      expect(pagesOf(file)[2], `${file} running head`).toContain(`${topic.name}培训讲义`);
      const chapterTitles = [...order.filter((o) => o.href.startsWith(`/${topic.slug}/`)).map((o) => o.title), '讨论记录'];
      const handout = printedToc(file, chapterTitles);
      expect([...handout.keys()], file).toEqual(chapterTitles);
      const pages = pagesOf(file);
      for (const [title, n] of handout) expect(startsWith(pages[n - 1], title), `${file}: “${title}” on page ${n}`).toBe(true);
      const text = pages.join('\n');
      expect(text).toMatch(FOOTER);
      expect(text).toContain('培训讨论');
    }
  });

  test('checklists.pdf: every checklist with boxes and 日期 / 责任人 / 备注', async ({ page }) => {
    requirePdf('checklists.pdf');
    await page.goto('/print/checklists/');
    const titles = (await page.locator('.hb-worksheet .hb-checklist__title').allTextContents()).map((t) => t.trim());
    const text = poppler('pdftotext', [pdfPath('checklists.pdf'), '-']);
    let at = 0;
    for (const title of titles) {
      const i = squash(text).indexOf(squash(title), at);
      expect(i, `${title} in checklists.pdf`).toBeGreaterThanOrEqual(0);
      at = i;
    }
    for (const field of ['日期', '责任人', '备注']) expect(text.split(field).length - 1).toBeGreaterThanOrEqual(titles.length);
    expect(text).toMatch(FOOTER);
  });

  test('home and topic pages link to the PDFs with their real size', async ({ page, request }) => {
    requirePdf('handbook.pdf');
    await page.goto('/');
    const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
    const handbookLink = page.getByRole('link', { name: /^整本手册 PDF/ });
    await expect(handbookLink).toHaveText(`整本手册 PDF（${size(statSync(pdfPath('handbook.pdf')).size)}，${pageCount('handbook.pdf')} 页）`);
    await expect(page.getByRole('link', { name: /^全部清单工作表 PDF（/ })).toBeVisible();
    await expect(page.getByText('在微信里打不开或存不下 PDF 时，请点右上角“…”，选“在浏览器打开”。')).toBeVisible();
    const response = await request.get((await handbookLink.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await page.goto('/meetings/');
    const handout = page.getByRole('link', { name: /^会议培训讲义 PDF（/ });
    await expect(handout).toHaveText(`会议培训讲义 PDF（${size(statSync(pdfPath('handouts/meetings.pdf')).size)}，${pageCount('handouts/meetings.pdf')} 页）`);
    await expect(handout).toHaveAttribute('href', '/handouts/meetings.pdf');
    await expect(page.getByRole('link', { name: /会议培训讲义打印版/ })).toHaveAttribute('href', '/print/meetings/');
  });

  test('the PDF step reports its time and sizes for the benchmark', () => {
    const report = JSON.parse(readFileSync(path.join(dist, 'pdf-report.json'), 'utf8'));
    expect(report.files.map((f: { file: string }) => f.file).sort()).toEqual(
      [
        'handbook.pdf',
        'checklists.pdf',
        ...TOPICS.flatMap((t) => [`handouts/${t.slug}.pdf`, `handouts/trainer/${t.slug}.pdf`, `slides/${t.slug}.pdf`]),
      ].sort(),
    );
    expect(report.totalMs).toBeGreaterThan(0);
    expect(report.handbookBytesPerPage).toBe(Math.round(statSync(pdfPath('handbook.pdf')).size / pageCount('handbook.pdf')));
  });
});
