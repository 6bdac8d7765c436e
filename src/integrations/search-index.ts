/**
 * Build step (steps.ts): the search index, with Pagefind's Node API.
 *
 * Pagefind indexes only what pages mark with `data-pagefind-body` (chapter bodies, policy
 * records and, as a part of the index of their own, checklist pages: src/lib/search/parts.ts); navigation, checklist controls and print-only text stay out
 * (`data-pagefind-ignore` in the templates, EXCLUDE below for the print-only parts). Each
 * page goes through search-prepare.ts first (Chinese word boundaries, filter pairs, sort
 * key); the files on disk are not changed. Writes dist/pagefind/, with the ready answers
 * of the search vocabulary (search-ready.ts), and removes Pagefind's
 * prebuilt UI bundles, which the site does not use (it has its own small <hb-search>
 * element) and which would only weigh on the offline cache.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AstroError } from 'astro/errors';
import * as pagefind from 'pagefind';
import { chineseSegmenter, inReadingOrder, preparePage } from './search-prepare.ts';
import { writeReadyAnswers } from './search-ready.ts';
import { INDEX_PLACEHOLDER, indexAttribute, type PagefindEntry } from '../lib/search/first-files.ts';
import type { StepContext } from './steps.ts';

/** Print-only or control parts of pages that are not ours to mark with data-pagefind-ignore. */
const EXCLUDE = ['.hb-print-only', '.hb-checklist__fields', '.hb-checklist__actions', '.hb-checklist__status', 'button'];
/**
 * Index chunk size, in word positions (Pagefind's default is 20000, ~30 KB a chunk here).
 * A search fetches one chunk per word range it touches; small chunks keep a first search
 * within its byte budget (≤ 100 KB; tests/e2e/search.spec.ts) at the cost of more, smaller
 * requests (1000: the worst query of tests/search/queries.json fetched 13 KB of chunks
 * instead of 21 KB at 2000, for 0.7 KB more in pf_meta). Pagefind ~1.6 reads this only from the environment (“unstable”): if a later
 * version ignores it, chunks grow back and the budget test says so.
 */
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= '1000';
/**
 * Pagefind writes these UI bundles and its Web Worker; the site never loads them (its own
 * <hb-search> runs Pagefind with `noWorker`), and the offline worker would precache them.
 */
const UNUSED = [
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js', 'pagefind-worker.js',
];

function fail(message: string): never {
  throw new AstroError(`搜索索引没有建成：${message}`, '先运行 npm run build（它会先构建网站再建索引）；问题仍在时，把这段信息发给维护人员。');
}

async function htmlFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'pagefind' && entry.name !== '_astro') found.push(...(await htmlFiles(full)));
    } else if (entry.name.endsWith('.html')) found.push(full);
  }
  return found.sort();
}

/** `meetings/attendance/index.html` → `/meetings/attendance/` (the site uses trailing slashes). */
function urlOf(dist: string, file: string): string {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '/');
}

export async function searchIndex({ dist, logger }: StepContext): Promise<void> {
  const started = performance.now();
  const outputPath = path.join(dist, 'pagefind');
  let files: string[];
  try {
    files = await htmlFiles(dist);
  } catch {
    fail(`找不到构建结果 ${dist}。`);
  }
  const pages: { file: string; url: string; html: string }[] = [];
  /** Pages that preload the index's first files (the /search/ page): named below. */
  const placeholder = `data-pagefind-index="${INDEX_PLACEHOLDER}"`;
  const searchPages: { file: string; html: string }[] = [];
  for (const file of files) {
    const html = await readFile(file, 'utf8');
    if (html.includes('data-pagefind-body')) pages.push({ file, url: urlOf(dist, file), html });
    if (html.includes(placeholder)) searchPages.push({ file, html });
  }
  if (pages.length === 0) fail(`${dist} 中没有标记 data-pagefind-body 的页面。`);

  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE });
  if (!index) fail(errors.join('; '));
  try {
    const segment = chineseSegmenter();
    for (const { file, url, html } of inReadingOrder(pages)) {
      let content: string;
      try {
        content = preparePage(html, { segment });
      } catch (error) {
        fail(`${path.relative(dist, file)}：${(error as Error).message}`);
      }
      const added = await index.addHTMLFile({ url, content });
      if (added.errors.length) fail(`${path.relative(dist, file)}: ${added.errors.join('; ')}`);
    }
    // Pagefind adds files to an existing folder; old chunks would linger (and be cached offline).
    await rm(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) fail(written.errors.join('; '));
  } finally {
    await pagefind.close();
  }
  await Promise.all(UNUSED.map((name) => rm(path.join(outputPath, name), { force: true })));
  // Name the files every first search needs in the search page (src/lib/search/first-files.ts).
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  // …and the folder of the search's ready answers (search-ready.ts), once the index is written.
  let ready = { count: 0, hash: '' };
  try {
    if (searchPages.length) ready = await writeReadyAnswers(dist, searchPages[0].file);
  } catch (error) {
    fail(`搜索页的预备结果没有生成（${(error as { stderr?: string }).stderr?.trim().split('\n')[0] || String(error)}）。`);
  }
  const attribute = indexAttribute(entry, ready.hash);
  if (attribute) {
    for (const { file, html } of searchPages) await writeFile(file, html.replace(placeholder, `data-pagefind-index="${attribute}"`));
  }
  logger.info(
    `${pages.length} pages indexed → ${path.relative(dist, outputPath)}/, ${ready.count} ready answers, in ${((performance.now() - started) / 1000).toFixed(2)}s`,
  );
}
