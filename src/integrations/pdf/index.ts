/**
 * Build step (steps.ts): the PDFs, by printing the print pages (/print/…) with Chromium:
 * dist/handbook.pdf, dist/handouts/<topic>.pdf and dist/checklists.pdf.
 *
 *   npm run build     # runs it after the search index
 *   npm run pdf       # again, on an existing build (then the offline step, which reads its output)
 *
 * - Which page becomes which PDF: every print page says so in <meta name="hb-pdf">
 *   (names come from src/lib/print/files.ts), so this step needs no list of its own.
 * - The built site is served by a tiny static server on 127.0.0.1 (../static-server.ts).
 * - Page layout (A4, binding margins, running head, “第 N 页 / 共 M 页”, cover without
 *   them) is CSS (@page rules in src/styles/print.css), so a reader printing from the browser
 *   gets the same pages; here Chromium only honours it (preferCSSPageSize).
 * - Real page numbers in the contents, in two passes: print once, read on which page each
 *   section starts from the PDF's named destinations (dests.ts: the TOC links to every
 *   section, and Chromium records each link target's page), write the numbers into the
 *   contents' fixed-width slots, print again, and check that every section still starts on
 *   the page the contents give (repeat if not; fail if it does not settle). Handouts start
 *   from numbers guessed from the handbook's first print (toc.ts) and usually need one
 *   print; a guess is kept only once the PDF confirms it. Measuring prints are untagged;
 *   the kept PDF is tagged (accessible) with bookmarks.
 * - One tab per worker, reused across documents (a new tab loads the CJK fonts again).
 * - The download links in the built HTML get the PDFs' sizes (links.ts).
 * - Timings and sizes go to the log and dist/pdf-report.json (read by the benchmark).
 *
 * Without Chromium the site is still complete: this says how to get the PDFs and returns;
 * the download links stay hidden and the print pages remain.
 */
import { chromiumArgs, chromiumPath } from '../chromium.ts';
import { getConfig } from '../../lib/config.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import { serveStatic } from '../static-server.ts';
import type { StepContext } from '../steps.ts';
import { countPages, hasPdfinfo, readPdf } from './dests.ts';
import { formatSize, updateDownloadLinks, type PdfInfo } from './links.ts';
import { predictStarts, samePages, type StartPages } from './toc.ts';

/** Budgets from the issue; reported, not enforced (the benchmark and tests judge them). */
const BUDGET = { totalMs: 20_000, handbookBytesPerPage: 150_000 };
/** Pages printed at the same time. Two: this machine kind has two cores. */
const CONCURRENCY = Number(process.env.HB_PDF_CONCURRENCY ?? 2);
const MAX_PASSES = 4;
const DEBUG = !!process.env.HB_PDF_DEBUG;
const debug = (...args: unknown[]) => DEBUG && console.log('  [pdf]', ...args);

const rel = (file: string) => path.relative(getConfig().root, file) || file;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Job {
  route: string;
  pdf: string;
}

interface JobOptions {
  withNumbers: boolean;
  guess?: (anchors: string[]) => Promise<StartPages | undefined>;
  onFirstPass?: (dests: Map<string, number> | undefined) => void;
}

interface JobResult extends Job {
  file: string;
  pages: number;
  bytes: number;
  ms: number;
  passes: number;
  tocEntries: number;
  toc: StartPages;
}

function howToGetPdfs(reason: string): string {
  return [
    '',
    `⚠ PDFs not made: ${reason}`,
    '  The site itself is built; its print pages (/print/, /print/<topic>/, /print/checklists/)',
    '  print from any browser. To make the PDFs, install Chromium and the CJK fonts, then run:',
    '    apt-get install -y chromium fonts-noto-cjk poppler-utils   (or set CHROMIUM_PATH=/path/to/chrome)',
    '    npm run pdf   (with the same HB_BUILD_DIR as the build, if one was set)',
    '',
  ].join('\n');
}

async function walk(dir: string, test: (name: string) => boolean, out: string[] = []): Promise<string[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, test, out);
    else if (test(entry.name)) out.push(full);
  }
  return out;
}

const rank = (job: Job) => (job.pdf === 'handbook.pdf' ? 0 : job.pdf.startsWith('handouts/') ? 2 : 1);

/** Folders of the built site whose pages may announce a PDF: print documents and slides. */
const PDF_PAGE_DIRS = ['print', 'slides'];

/** Print jobs: every built page that announces a PDF, in site order. */
async function findJobs(dist: string): Promise<Job[]> {
  const jobs: Job[] = [];
  const pages = (await Promise.all(PDF_PAGE_DIRS.map((d) => path.join(dist, d)).filter((d) => existsSync(d)).map((d) => walk(d, (n) => n === 'index.html')))).flat();
  for (const file of pages) {
    const html = await readFile(file, 'utf8');
    const pdf = /<meta\s+name="hb-pdf"\s+content="([^"]+)"/.exec(html)?.[1];
    if (!pdf || pdf.includes('..') || !pdf.endsWith('.pdf')) continue;
    const route = `/${path.relative(dist, path.dirname(file)).split(path.sep).join('/')}/`;
    jobs.push({ route, pdf });
  }
  const only = getConfig().pdfOnly;
  return jobs.filter((j) => !only || only.has(j.pdf)).sort((a, b) => rank(a) - rank(b) || a.route.localeCompare(b.route));
}

async function writeReport(dist: string, report: Record<string, unknown>): Promise<void> {
  await writeFile(path.join(dist, 'pdf-report.json'), `${JSON.stringify(report, null, 2)}\n`);
}

/**
 * CPU time used by this process and its children (Chromium) so far, in ms: a measure of the
 * PDF step's cost that does not depend on what else the machine is doing. Linux only.
 */
function treeCpuMs(): number | undefined {
  try {
    const ticks = new Map<number, number>();
    const children = new Map<number, number[]>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      // utime + stime of the process and of its waited-for children.
      ticks.set(pid, Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    }
    let total = 0;
    const stack = [process.pid];
    while (stack.length) {
      const pid = stack.pop()!;
      total += ticks.get(pid) ?? 0;
      stack.push(...(children.get(pid) ?? []));
    }
    return total * 10; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

function chromiumVersion(): string | undefined {
  try {
    return execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function cjkFontsPresent(): boolean | undefined {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().length > 0;
  } catch {
    return undefined; // no fontconfig tools: cannot tell
  }
}

/**
 * Print one print page to PDF with the real page numbers in its contents.
 * `guess(anchors)` may give start pages to try first (see scripts/pdf-toc.mjs); whatever the
 * numbers' source, the PDF is kept only once its destinations confirm them.
 */
async function printJob(dist: string, page: Page, base: string, job: Job, options: JobOptions): Promise<JobResult> {
  try {
    return await printPage(dist, page, base, job, options);
  } finally {
    options.onFirstPass?.(undefined); // never leave a job waiting for this one's measurements
  }
}

async function printPage(dist: string, page: Page, base: string, job: Job, { withNumbers, guess, onFirstPass }: JobOptions): Promise<JobResult> {
  const started = performance.now();
  const response = await page.goto(base + job.route, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${job.route} answered ${response?.status()}`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Links to the site point at the published site (from the canonical URL), not at this
  // local server; they are marked so the print CSS does not print them as external URLs.
  await page.evaluate(() => {
    const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
    if (!canonical) return;
    for (const a of document.querySelectorAll('a[href^="/"]:not([href^="//"])')) {
      a.setAttribute('href', new URL(a.getAttribute('href')!, canonical).href);
      a.setAttribute('data-hb-site-link', '');
    }
  });
  const anchors = await page.$$eval('[data-hb-toc-page]', (els) => els.map((el) => el.getAttribute('data-hb-toc-page')!));
  const fill = (numbers: StartPages) =>
    page.evaluate((n) => {
      for (const el of document.querySelectorAll('[data-hb-toc-page]')) el.textContent = String(n[el.getAttribute('data-hb-toc-page')!]);
    }, numbers);
  // The kept PDF is tagged (accessible, with bookmarks); a measuring pass need not be.
  const print = (final: boolean) =>
    page.pdf({ preferCSSPageSize: true, format: 'A4', printBackground: false, ...(final ? { tagged: true, outline: true } : {}) });
  debug(job.route, 'loaded', Math.round(performance.now() - started), 'ms');

  let buffer: Buffer;
  let passes = 0;
  let pages: number | undefined;
  let toc: StartPages | undefined;
  if (!anchors.length || !withNumbers) {
    buffer = await print(true);
    passes = 1;
  } else {
    toc = (await guess?.(anchors)) ?? undefined;
    if (toc) await fill(toc);
    for (;;) {
      buffer = await print(!!toc);
      passes += 1;
      const info = await readPdf(buffer);
      debug(job.route, `pass ${passes}${toc ? '' : ' (measure)'}`, Math.round(performance.now() - started), 'ms');
      pages = info.pages;
      const found: StartPages = Object.fromEntries(anchors.flatMap((a) => (info.dests.has(a) ? [[a, info.dests.get(a)!]] : [])));
      const missing = anchors.filter((a) => !found[a]);
      if (missing.length) throw new Error(`${job.route}: no page found for ${missing.join(', ')}`);
      if (passes === 1) onFirstPass?.(info.dests);
      // Settled: the numbers printed in the contents are where the sections start.
      if (samePages(anchors, toc, found)) break;
      if (passes >= MAX_PASSES) {
        const moved = anchors.filter((a) => toc?.[a] !== found[a]).map((a) => `${a}: ${toc?.[a]} → ${found[a]}`);
        throw new Error(`${job.route}: contents page numbers did not settle after ${passes} passes (${moved.join('; ')})`);
      }
      toc = found;
      await fill(toc);
    }
  }
  pages ??= countPages(buffer);
  const out = path.join(dist, job.pdf);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, buffer);
  return { ...job, file: job.pdf, pages, bytes: buffer.length, ms: Math.round(performance.now() - started), passes, tocEntries: anchors.length, toc: toc ?? {} };
}

export async function makePdfs({ dist, logger }: StepContext): Promise<void> {
  const t0 = performance.now();
  const cpuAtStart = treeCpuMs();
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`No built site in ${rel(dist)}. Build first: npm run build`);
  }
  const jobs = await findJobs(dist);
  if (!jobs.length) throw new Error(`No print pages (with <meta name="hb-pdf">) in ${rel(path.join(dist, 'print'))} or ${rel(path.join(dist, 'slides'))}.`);

  let chromium: typeof import('@playwright/test').chromium | undefined;
  let skip: string | undefined;
  if (!existsSync(chromiumPath)) skip = `Chromium not found at ${chromiumPath}.`;
  else {
    try {
      // Playwright is a dev dependency: a site-only install builds without PDFs. Loaded with
      // Node's require, not import(): Astro loads this file through Vite, whose module runner
      // is closed by the time the build steps run.
      ({ chromium } = createRequire(import.meta.url)('@playwright/test') as typeof import('@playwright/test'));
    } catch {
      skip = 'the Playwright package is not installed (run npm ci).';
    }
  }
  if (skip || !chromium) {
    logger.warn(howToGetPdfs(skip ?? 'no browser'));
    const existing = new Map<string, PdfInfo>();
    for (const job of jobs) {
      const file = path.join(dist, job.pdf);
      if (existsSync(file)) existing.set(job.pdf, { bytes: (await stat(file)).size });
    }
    await updateDownloadLinks(dist, existing);
    await writeReport(dist, { generatedAt: new Date().toISOString(), skipped: skip, files: [], budget: BUDGET });
    return;
  }
  if (cjkFontsPresent() === false) {
    logger.warn('No Chinese fonts found (fc-list :lang=zh). Install fonts-noto-cjk, or the PDFs will show empty boxes.');
  }
  const withNumbers = await hasPdfinfo();
  if (!withNumbers) {
    logger.warn('pdfinfo (poppler-utils) not found: the PDFs are made, but their contents show no page numbers.\n  apt-get install -y poppler-utils, then npm run pdf');
  }

  // Old handouts of topics that no longer exist must not linger next to the new ones.
  const wanted = new Set(jobs.map((j) => path.join(dist, j.pdf)));
  const handoutsDir = path.join(dist, 'handouts');
  if (existsSync(handoutsDir)) {
    for (const f of await walk(handoutsDir, (n) => n.endsWith('.pdf'))) if (!wanted.has(f)) await rm(f);
  }

  const server = await serveStatic(dist);
  const launchStarted = performance.now();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const launchMs = Math.round(performance.now() - launchStarted);
  const results: JobResult[] = [];
  let cpuMs: number | undefined;
  try {
    const context = await browser.newContext({ locale: 'zh-CN', colorScheme: 'light', serviceWorkers: 'block' });
    // The print pages need no script; the checklist script must not tick boxes from storage.
    await context.route(/\.m?js(\?.*)?$/, (route) => route.abort());
    // Handouts guess their contents from the handbook's first print (toc.ts):
    // cover and a one-page contents, then the chapters at their handbook lengths.
    let handbookStarts: (dests: Map<string, number> | undefined) => void = () => undefined;
    const handbookMeasured = new Promise<Map<string, number> | undefined>((resolve) => (handbookStarts = resolve));
    if (!jobs.some((j) => j.pdf === 'handbook.pdf')) handbookStarts(undefined);
    const options = (job: Job): JobOptions =>
      job.pdf === 'handbook.pdf'
        ? { withNumbers, onFirstPass: (dests) => handbookStarts(dests) }
        : job.pdf.startsWith('handouts/')
          ? { withNumbers, guess: async (anchors) => {
              const reference = await handbookMeasured;
              return reference ? predictStarts(anchors, reference, 3) : undefined;
            } }
          : { withNumbers };
    // Handbook first (the longest), then the documents that guess from nothing.
    const queue = [...jobs].sort((a, b) => rank(a) - rank(b));
    const worker = async () => {
      // One tab per worker, reused: a fresh tab pays again for loading the CJK fonts.
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      for (let job = queue.shift(); job; job = queue.shift()) results.push(await printJob(dist, page, server.url, job, options(job)));
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(CONCURRENCY, jobs.length)) }, worker));
    const now = treeCpuMs();
    cpuMs = now !== undefined && cpuAtStart !== undefined ? now - cpuAtStart : undefined;
  } finally {
    await browser.close();
    await server.close();
  }
  results.sort((a, b) => jobs.findIndex((j) => j.pdf === a.pdf) - jobs.findIndex((j) => j.pdf === b.pdf));

  const made = new Map(results.map((r) => [r.pdf, { bytes: r.bytes, pages: r.pages }]));
  const linkPages = await updateDownloadLinks(dist, made);
  const totalMs = Math.round(performance.now() - t0);
  const handbook = results.find((r) => r.pdf === 'handbook.pdf');
  const handbookBytesPerPage = handbook ? Math.round(handbook.bytes / handbook.pages) : undefined;
  const withinBudget = {
    time: totalMs <= BUDGET.totalMs,
    handbookBytesPerPage: handbookBytesPerPage === undefined || handbookBytesPerPage <= BUDGET.handbookBytesPerPage,
  };
  const report = {
    generatedAt: new Date().toISOString(),
    chromium: chromiumVersion(),
    totalMs,
    launchMs,
    /** CPU time of this step and Chromium (Linux), independent of other load on the machine. */
    cpuMs,
    concurrency: CONCURRENCY,
    tocPageNumbers: withNumbers,
    totalBytes: results.reduce((n, r) => n + r.bytes, 0),
    totalPages: results.reduce((n, r) => n + r.pages, 0),
    handbookBytesPerPage,
    budget: BUDGET,
    withinBudget,
    files: results.map(({ file, route, pages, bytes, ms, passes, tocEntries, toc }) => ({
      file, route, pages, bytes, bytesPerPage: Math.round(bytes / pages), ms, passes, tocEntries, toc,
    })),
  };
  await writeReport(dist, report);

  const width = Math.max(...results.map((r) => r.file.length));
  for (const r of results) {
    logger.info(`PDF ${r.file.padEnd(width)}  ${String(r.pages).padStart(4)} pages  ${formatSize(r.bytes).padStart(8)}  ${formatSize(r.bytes / r.pages).padStart(7)}/page  ${r.passes} pass${r.passes > 1 ? 'es' : ''}  ${seconds(r.ms)}`);
  }
  logger.info(
    `${results.length} PDFs, ${report.totalPages} pages, ${formatSize(report.totalBytes)} in ${seconds(totalMs)} ` +
      `(CPU ${cpuMs === undefined ? '?' : seconds(cpuMs)}; budget ${seconds(BUDGET.totalMs)}; handbook ${formatSize(handbookBytesPerPage ?? 0)}/page, budget ${BUDGET.handbookBytesPerPage / 1000} kB) ` +
      `→ pdf-report.json; download links updated in ${linkPages} pages`,
  );
  if (!withinBudget.time) logger.warn(`PDF time ${seconds(totalMs)} is over the ${seconds(BUDGET.totalMs)} budget.`);
  if (!withinBudget.handbookBytesPerPage) logger.warn(`handbook.pdf averages ${formatSize(handbookBytesPerPage ?? 0)} a page, over the budget.`);
}
