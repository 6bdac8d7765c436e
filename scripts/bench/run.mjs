#!/usr/bin/env node
/**
 * `npm run bench`: what the handbook costs, measured on the real handbook and on synthetic
 * handbooks of N chapters: build time, output and index sizes, page and first-search bytes
 * as nginx sends them, Lighthouse scores, PDF time and size, offline precache size; and how
 * each cost grows with N.
 *
 *   npm run bench                          # real handbook + N = 60, 500, 1000, 2000 (PDFs for N ≤ 500)
 *   npm run bench -- --quick               # real handbook + N = 60 only
 *   npm run bench -- --sizes 60,500        # chosen sizes
 *   npm run bench -- --skip-pdf            # no PDF step
 *   npm run bench -- --lighthouse-only     # only Lighthouse, on the existing build (dist/ or $HB_BUILD_DIR/dist)
 *   options: --pdf-max N (500)  --runs R (1: site builds per N, median)  --seed S
 *            --query 参会范围  --no-browser  --no-lighthouse  --lighthouse-runs R (3)  --no-real
 *            --keep (keep bench/out/build-*)  --pdf-timeout s (3600)
 *            --out DIR (bench/out)  --report-only (re-render report.md from DIR/report.json)
 *
 * The real handbook (content/) and the example edition are built first; then each N gets a
 * fresh corpus (bench/out/corpus-N, scripts/bench/corpus.mjs) and a fresh scratch build
 * (bench/out/build-N via HB_BUILD_DIR; removed afterwards unless --keep). "Site + search
 * index" is one `astro build` with the later steps left out (HB_SKIP_STEPS); those (PDFs,
 * Word handouts, offline worker, compressed copies) then run apart, each timed
 * (scripts/bench/steps.mjs). Browser measurements run against nginx with deploy/nginx.conf
 * (scripts/bench/serve.mjs), as readers get the site. Writes bench/out/report.json and
 * bench/out/report.md; logs of every step in bench/out/logs/. No network: the site is
 * served from 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { MIN_CHAPTERS, chaptersPerTopic, makeChapter, writeCorpus } from './corpus.mjs';
import { browserMeasurements, chapterPageBytes, countHtmlPages, firstSearches, folderSize, pageBytes, querySet } from './measure.mjs';
import { markdownReport, growthLines, formatBytes, formatMs, kindLine, lighthouseText } from './report.mjs';
import { LIGHTHOUSE_PAGES, lighthouseRuns, runLine } from './lighthouse.mjs';
import { serveBuild } from './serve.mjs';
import { chromiumPath } from '../../src/integrations/chromium.ts';
import { servedSize } from '../../src/integrations/compress.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

function parseArgs(argv) {
  const opts = {
    sizes: [60, 500, 1000, 2000], skipPdf: false, pdfMax: 500, runs: 1, seed: 'hb-bench-1', query: '参会范围',
    browser: true, lighthouse: true, lighthouseRuns: 3, keep: false, real: true, pdfTimeout: 3600, out: path.join(root, 'bench/out'),
  };
  const value = (i, name) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) fail(`--${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? a.split(/=(.*)/s) : [a];
    const take = (name) => inline ?? value(i++, name);
    switch (flag) {
      case '--quick': opts.sizes = [60]; break;
      case '--sizes': opts.sizes = take('sizes').split(',').map((s) => Number(s.trim())); break;
      case '--skip-pdf': opts.skipPdf = true; break;
      case '--pdf-max': opts.pdfMax = Number(take('pdf-max')); break;
      case '--runs': opts.runs = Number(take('runs')); break;
      case '--seed': opts.seed = take('seed'); break;
      case '--query': opts.query = take('query'); break;
      case '--no-browser': opts.browser = false; break;
      case '--no-lighthouse': opts.lighthouse = false; break;
      case '--lighthouse-runs': opts.lighthouseRuns = Number(take('lighthouse-runs')); break;
      case '--lighthouse-only': opts.lighthouseOnly = true; break;
      case '--keep': opts.keep = true; break;
      case '--no-real': opts.real = false; break;
      case '--pdf-timeout': opts.pdfTimeout = Number(take('pdf-timeout')); break;
      case '--out': opts.out = path.resolve(take('out')); break;
      case '--report-only': opts.reportOnly = true; break;
      case '-h': case '--help':
        console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split(' */')[0].split('\n').slice(2).map((l) => l.replace(/^ \*? ?/, '')).join('\n'));
        process.exit(0);
      // falls through: never reached (process.exit)
      default: fail(`unknown option ${a} (see npm run bench -- --help)`);
    }
  }
  if (!opts.sizes.length || opts.sizes.some((n) => !Number.isInteger(n) || n < MIN_CHAPTERS)) {
    fail(`--sizes must be integers ≥ ${MIN_CHAPTERS} (the front matter links to ${MIN_CHAPTERS} planned chapters); got ${opts.sizes.join(',')}`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) fail('--runs must be a positive integer');
  if (!Number.isInteger(opts.lighthouseRuns) || opts.lighthouseRuns < 1) fail('--lighthouse-runs must be a positive integer');
  if (!Number.isFinite(opts.pdfMax)) fail('--pdf-max must be a number');
  opts.sizes = [...new Set(opts.sizes)].sort((a, b) => a - b);
  return opts;
}

function fail(message) {
  console.error(`\n✖ bench: ${message}\n`);
  process.exit(1);
}

/** The Node that runs the build steps: this one if recent enough, else the bundled Node 24. */
function nodeBinary() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return process.execPath;
  const bundled = path.join(root, 'node_modules/node/bin/node');
  if (existsSync(bundled)) return bundled;
  fail(`Node ${process.versions.node} is too old and the bundled Node is missing. Run: npm ci`);
}

/** CPU time (ms) of this process's waited-for children so far (Linux; else undefined). */
function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) * 10; // cutime + cstime, USER_HZ = 100
  } catch {
    return undefined;
  }
}

let current; // the running step's child, killed on Ctrl-C
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current?.pid) {
      try {
        process.kill(-current.pid, 'SIGKILL');
      } catch {}
    }
    process.exit(130);
  });
}

/** Run one build step (a script of the project) with the bench's env; log to a file. */
async function step(name, script, args, { env, log, timeoutMs }) {
  const out = createWriteStream(log);
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const child = spawn(nodeBinary(), [path.join(root, script), ...args], {
    cwd: root, env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  current = child;
  let text = '';
  const keep = (chunk) => {
    out.write(chunk);
    text = (text + chunk).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let timedOut = false;
  const timer = timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }, timeoutMs)
    : undefined;
  const code = await new Promise((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  current = undefined;
  await new Promise((r) => out.end(r));
  const ms = Math.round(performance.now() - t0);
  const cpu1 = childrenCpuMs();
  return { name, ok: code === 0 && !timedOut, code, timedOut, ms, cpuMs: cpu0 === undefined ? undefined : cpu1 - cpu0, tail: text.split('\n').slice(-25).join('\n'), log };
}

const median = (values) => {
  const s = values.filter((v) => v !== undefined).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : undefined;
};

/** The offline precache: files, bytes as stored on the phone and bytes nginx sends for them (.br copies). */
function precacheSizes(dist, off) {
  return {
    precacheFiles: off?.precacheFiles,
    precacheBytes: off?.precacheBytes,
    precacheSentBytes: off?.precached?.reduce((sum, f) => sum + servedSize(dist, f), 0),
  };
}

async function readJson(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function chromiumStatus() {
  const executablePath = chromiumPath;
  if (!existsSync(executablePath)) {
    return { executablePath, missing: `Chromium not found at ${executablePath} (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH)` };
  }
  return { executablePath };
}

/** The search quality set: its distinct searches are each a first search in the browser measurements. */
const QUERIES = path.join(root, 'tests/search/queries.json');

/** The build steps after the search index: left out of the timed "site + search index" build, run apart. */
const LATER_STEPS = ['pdf', 'docx', 'offline', 'compress'];

/** The PDF step alone (scripts/bench/steps.mjs pdf), under --pdf-timeout; its figures from dist/pdf-report.json. */
async function pdfStep({ env, dist, log, opts, say, notes }) {
  const pdf = await step('pdf', 'scripts/bench/steps.mjs', ['pdf'], { env, log, timeoutMs: opts.pdfTimeout * 1000 });
  const report = await readJson(path.join(dist, 'pdf-report.json'));
  if (!pdf.ok || !report || report.skipped) {
    const why = pdf.timedOut ? `timed out after ${opts.pdfTimeout} s` : !pdf.ok ? `failed (exit ${pdf.code}); see ${path.relative(process.cwd(), pdf.log)}` : report?.skipped ?? 'no pdf-report.json';
    const skipped = `PDF step ${why}`;
    notes.push(skipped);
    say(`⚠ ${skipped}`);
    if (!pdf.ok && !pdf.timedOut) console.error(pdf.tail);
    return { skipped };
  }
  const handbook = report.files.find((f) => f.file === 'handbook.pdf');
  say(`PDFs: ${report.files.length} files, ${report.totalPages} pages, ${formatBytes(report.totalBytes)} in ${formatMs(pdf.ms)}; handbook.pdf ${handbook?.pages} pages, ${formatBytes(handbook?.bytes)} (${formatBytes(handbook?.bytesPerPage)}/page)`);
  return {
    // cpuMs: the PDF step's own measure of itself and Chromium's process tree (Chromium's renderers
    // are not always reaped through the step, so stepCpuMs, from this side, undercounts).
    stepMs: pdf.ms, stepCpuMs: pdf.cpuMs, totalMs: report.totalMs, cpuMs: report.cpuMs,
    files: report.files.length, totalBytes: report.totalBytes, totalPages: report.totalPages,
    handbook: handbook && { bytes: handbook.bytes, pages: handbook.pages, bytesPerPage: handbook.bytesPerPage, ms: handbook.ms, passes: handbook.passes },
    perFile: report.files.map(({ file, pages, bytes, ms, passes }) => ({ file, pages, bytes, ms, passes })),
  };
}

async function benchOne(n, opts) {
  const corpusDir = path.join(opts.out, `corpus-${n}`);
  const buildDir = path.join(opts.out, `build-${n}`);
  const logs = path.join(opts.out, 'logs');
  await mkdir(logs, { recursive: true });
  const result = { n, notes: [], loadAverage: { before: os.loadavg()[0] } };
  const say = (msg) => console.log(`  [N=${n}] ${msg}`);

  const c0 = performance.now();
  result.corpus = await writeCorpus({ dir: corpusDir, n, seed: opts.seed });
  result.corpus.ms = Math.round(performance.now() - c0);
  say(`corpus: ${result.corpus.chapters} chapters, ${result.corpus.hanChars.toLocaleString('en')} 字, ${formatBytes(result.corpus.bytes)} (sha256 ${result.corpus.sha256.slice(0, 12)})`);

  const env = { HB_CONTENT_DIR: corpusDir, HB_BUILD_DIR: buildDir };
  const dist = path.join(buildDir, 'dist');
  const stepFailed = (s) =>
    fail(`N=${n}: step “${s.name}” ${s.timedOut ? 'timed out' : `failed (exit ${s.code})`}. Last lines:\n\n${s.tail}\n\nFull log: ${path.relative(process.cwd(), s.log)}\n` +
      '(The benchmark runs the project\'s own build steps; a failure here is most likely a build problem, not a bench problem.)');

  // Site + search index, `runs` times from scratch; the last build is kept for the other steps.
  const runs = [];
  for (let r = 1; r <= opts.runs; r++) {
    await rm(buildDir, { recursive: true, force: true });
    const suffix = opts.runs > 1 ? `-run${r}` : '';
    // One `astro build` makes the pages and runs the link check and the search index; the
    // later steps are timed apart below. Each step's own time comes from dist/build-report.json.
    const build = await step('astro build', 'scripts/astro.mjs', ['build'], { env: { ...env, HB_SKIP_STEPS: LATER_STEPS.join(',') }, log: path.join(logs, `N${n}-build${suffix}.log`) });
    if (!build.ok) stepFailed(build);
    const steps = (await readJson(path.join(dist, 'build-report.json'))) ?? {};
    const index = steps['search-index'] ?? { ms: 0, cpuMs: 0 };
    runs.push({ astroMs: build.ms - index.ms, astroCpuMs: (build.cpuMs ?? 0) - index.cpuMs, indexMs: index.ms, indexCpuMs: index.cpuMs, ms: build.ms, cpuMs: build.cpuMs ?? 0 });
    const indexed = /(\d+) pages indexed/.exec(build.tail)?.[1];
    result.indexedPages = indexed ? Number(indexed) : undefined;
    say(`build ${r}/${opts.runs}: ${formatMs(build.ms)}, of which search index ${formatMs(index.ms)} (CPU ${formatMs(build.cpuMs)})`);
  }
  result.build = {
    runs,
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    astroMs: median(runs.map((r) => r.astroMs)),
    indexMs: median(runs.map((r) => r.indexMs)),
  };
  result.build.msPerChapter = Math.round((result.build.ms / n) * 10) / 10;

  // PDFs, then the Word handouts, the offline worker and the compressed copies.
  const pdfWanted = !opts.skipPdf && n <= opts.pdfMax && !opts.chromium.missing;
  result.pdf = pdfWanted
    ? await pdfStep({ env, dist, log: path.join(logs, `N${n}-pdf.log`), opts, say, notes: result.notes })
    : { skipped: `not measured (${opts.skipPdf ? '--skip-pdf' : opts.chromium.missing ? opts.chromium.missing : `N > --pdf-max ${opts.pdfMax}`})` };
  const after = await step('docx, offline, compress', 'scripts/bench/steps.mjs', ['docx,offline,compress'], { env, log: path.join(logs, `N${n}-steps.log`) });
  if (!after.ok) stepFailed(after);
  const steps = (await readJson(path.join(dist, 'build-report.json'))) ?? {};
  const off = await readJson(path.join(dist, 'offline-report.json'));
  result.docx = steps.docx && { ms: steps.docx.ms, cpuMs: steps.docx.cpuMs };
  result.offline = { stepMs: steps.offline?.ms, ...precacheSizes(dist, off) };
  result.compress = steps.compress;
  say(`Word handouts ${formatMs(steps.docx?.ms)}; offline: precache ${off?.precacheFiles} files, ${formatBytes(result.offline.precacheSentBytes)} sent, ${formatBytes(off?.precacheBytes)} stored (${formatMs(steps.offline?.ms)}); compressed copies ${formatMs(steps.compress?.ms)} (CPU ${formatMs(steps.compress?.cpuMs)})`);

  // Sizes. The .br/.gz copies are other encodings of files already counted: left out.
  const isPdf = (f) => f.endsWith('.pdf');
  const isCopy = (f) => f.endsWith('.br') || f.endsWith('.gz');
  result.dist = { ...(await folderSize(dist, (f) => isPdf(f) || isCopy(f))), htmlPages: await countHtmlPages(dist), pdfBytes: (await folderSize(dist, (f) => !isPdf(f))).bytes };
  result.searchIndex = await folderSize(path.join(dist, 'pagefind'), isCopy);
  result.searchIndex.fragments = (await folderSize(path.join(dist, 'pagefind/fragment'))).files;
  result.searchIndex.indexChunks = (await folderSize(path.join(dist, 'pagefind/index'))).files;

  // Chapter pages (static analysis of the built files).
  const chapterUrls = chaptersPerTopic(n).flatMap(({ slug: topic, count }) =>
    Array.from({ length: count }, (_, i) => `/${topic}/${makeChapter(topic, i + 1, { seed: opts.seed, topicCount: count }).slug}/`));
  result.chapterPage = await chapterPageBytes(dist, chapterUrls);
  // For the budgets of tests/e2e/quality.spec.ts: a page without a checklist, and a topic page (lists its chapters).
  result.otherPages = {
    front: existsSync(path.join(dist, 'guide/preface/index.html')) ? await pageBytes(dist, '/guide/preface/') : undefined,
    topic: await pageBytes(dist, '/meetings/'),
  };
  const cp = result.chapterPage.medianPage;
  say(`dist ${formatBytes(result.dist.bytes)} (${result.dist.htmlPages} pages), search index ${formatBytes(result.searchIndex.bytes)}; chapter page ${formatBytes(cp.total)} gz (HTML ${formatBytes(cp.html)}, CSS ${formatBytes(cp.css)}, JS ${formatBytes(cp.js)})`);

  // Browser, against nginx.
  if (opts.browser && !opts.chromium.missing && opts.playwright) {
    const server = await serveBuild(dist);
    result.server = server.server;
    if (server.note) result.notes.push(`N=${n}: ${server.note}`);
    try {
      result.browser = await browserMeasurements({
        chromium: opts.playwright.chromium, executablePath: opts.chromium.executablePath, baseUrl: server.url, chapterUrl: cp.url, query: opts.query,
      });
      const searchSet = { chromium: opts.playwright.chromium, executablePath: opts.chromium.executablePath, baseUrl: server.url, queries: opts.queries };
      result.browser.querySet = await firstSearches(searchSet);
      result.browser.querySetLive = await firstSearches({ ...searchSet, ready: false });
      const s = result.browser.search;
      for (const [name, qs] of [['query set', result.browser.querySet], ['query set through Pagefind', result.browser.querySetLive]]) {
        if (qs.failed.length) result.notes.push(`N=${n}: ${name}: searches that did not finish: ${qs.failed.join('; ')}`);
        say(`${name} (${qs.queries}, ${qs.answeredReady} from ready answers): median ${formatBytes(qs.median.transferred)} (${qs.median.label}), max ${formatBytes(qs.max.transferred)} (${qs.max.label}: ${kindLine(qs.max.byKind)})`);
      }
      say(`first search “${s.query}”: ${formatBytes(s.firstSearch.transferred)} transferred in ${s.firstSearch.requests} requests (${kindLine(s.firstSearch.byKind)}); typing → results ${formatMs(s.typingToResultsMs)} (${s.status})`);
      if (s.errors.length) result.notes.push(`N=${n}: page errors on /search/: ${s.errors.join(' | ')}`);
      const failed = [...result.browser.chapter.failed, ...s.pageLoad.failed, ...s.firstSearch.failed];
      if (failed.length) result.notes.push(`N=${n}: failed requests: ${[...new Set(failed)].join(', ')}`);
    } catch (error) {
      result.browser = { skipped: `browser measurement failed: ${error.message.split('\n')[0]}` };
      result.notes.push(`N=${n}: ${result.browser.skipped}`);
      say(`⚠ ${result.browser.skipped}`);
    } finally {
      await server.close();
    }
  } else {
    result.browser = { skipped: !opts.browser ? '--no-browser' : opts.chromium.missing ?? opts.playwrightMissing };
  }

  result.loadAverage.after = os.loadavg()[0];
  if (!opts.keep) await rm(buildDir, { recursive: true, force: true });
  return result;
}

/**
 * The real handbook (content/) and the example local edition (editions/shili-xian), built
 * the same way (pages, link check, search index: timed), so a county can see what its
 * edition adds to the build. Then the national handbook gets the later steps too (PDFs unless
 * --skip-pdf, Word handouts, offline worker, compressed copies), so that it is the complete
 * site an office deploys; the edition gets its compressed copies. Both are served by nginx
 * for a first search of every query of tests/search/queries.json; the national handbook
 * also for Lighthouse.
 */
async function benchReal(opts) {
  const builds = [
    { key: 'national', name: 'national handbook (content/)', env: {}, later: ['pdf', 'docx', 'offline', 'compress'], lighthouse: true },
    { key: 'edition', name: 'example edition (editions/shili-xian)', env: { HB_EDITION: 'editions/shili-xian' }, later: ['compress'] },
  ];
  const logs = path.join(opts.out, 'logs');
  const queries = opts.queries;
  const out = [];
  for (const [i, b] of builds.entries()) {
    const say = (msg) => console.log(`  [real] ${b.name}: ${msg}`);
    const buildDir = path.join(opts.out, `build-real-${i}`);
    await rm(buildDir, { recursive: true, force: true });
    const env = { ...b.env, HB_BUILD_DIR: buildDir };
    const run = await step(b.name, 'scripts/astro.mjs', ['build'], { env: { ...env, HB_SKIP_STEPS: LATER_STEPS.join(',') }, log: path.join(logs, `real-${i}.log`) });
    if (!run.ok) fail(`${b.name}: build failed (exit ${run.code}). Last lines:\n\n${run.tail}`);
    const dist = path.join(buildDir, 'dist');
    const indexed = /(\d+) pages indexed/.exec(run.tail)?.[1];
    const result = { key: b.key, name: b.name, ms: run.ms, cpuMs: run.cpuMs, notes: [], loadAverage: { before: os.loadavg()[0] } };
    say(`pages + search index ${formatMs(result.ms)} (CPU ${formatMs(result.cpuMs)})`);

    const pdfWanted = b.later.includes('pdf') && !opts.skipPdf && !opts.chromium.missing;
    if (pdfWanted) result.pdf = await pdfStep({ env, dist, log: path.join(logs, `real-${i}-pdf.log`), opts, say, notes: result.notes });
    const later = b.later.filter((s) => s !== 'pdf');
    const after = await step(later.join(', '), 'scripts/bench/steps.mjs', [later.join(',')], { env, log: path.join(logs, `real-${i}-steps.log`) });
    if (!after.ok) fail(`${b.name}: step “${after.name}” failed (exit ${after.code}). Last lines:\n\n${after.tail}`);
    const steps = (await readJson(path.join(dist, 'build-report.json'))) ?? {};
    const off = await readJson(path.join(dist, 'offline-report.json'));
    Object.assign(result, {
      indexMs: steps['search-index']?.ms,
      steps: Object.fromEntries(later.map((s) => [s, steps[s] && { ms: steps[s].ms, cpuMs: steps[s].cpuMs }])),
      offline: off && precacheSizes(dist, off),
      pages: await countHtmlPages(dist),
      indexed: indexed ? Number(indexed) : undefined,
      // As for the synthetic builds: without the PDFs and the .br/.gz copies (other encodings of files counted).
      dist: await folderSize(dist, (f) => f.endsWith('.pdf') || f.endsWith('.br') || f.endsWith('.gz')),
    });
    say(`${result.pages} pages, ${formatBytes(result.dist.bytes)}; ${later.map((s) => `${s} ${formatMs(steps[s]?.ms)}`).join(', ')}`);

    if (opts.browser && !opts.chromium.missing && opts.playwright) {
      const server = await serveBuild(dist);
      result.server = server.server;
      if (server.note) result.notes.push(`${b.name}: ${server.note}`);
      try {
        const searchSet = { chromium: opts.playwright.chromium, executablePath: opts.chromium.executablePath, baseUrl: server.url, queries };
        result.firstSearch = await firstSearches(searchSet);
        result.firstSearchLive = await firstSearches({ ...searchSet, ready: false });
        for (const [name, fs] of [['first search', result.firstSearch], ['first search through Pagefind', result.firstSearchLive]]) {
          say(`${name} over ${fs.queries} queries (${fs.answeredReady} from ready answers): median ${formatBytes(fs.median.transferred)} (${fs.median.label}), max ${formatBytes(fs.max.transferred)} (${fs.max.label}: ${kindLine(fs.max.byKind)})`);
          if (fs.failed.length) result.notes.push(`${b.name}: ${name}: searches that did not finish: ${fs.failed.join('; ')}`);
          if (fs.errors.length) result.notes.push(`${b.name}: ${name}: page errors on /search/: ${fs.errors.join(' | ')}`);
        }
        if (b.lighthouse && opts.lighthouse) result.lighthouse = await lighthouse(server.url, opts);
      } catch (error) {
        result.notes.push(`${b.name}: browser measurement failed: ${error.message.split('\n')[0]}`);
        say(`⚠ browser measurement failed: ${error.message}`);
      } finally {
        await server.close();
      }
    }
    result.loadAverage.after = os.loadavg()[0];
    out.push(result);
    if (!opts.keep) await rm(buildDir, { recursive: true, force: true });
  }
  return out;
}

/** Lighthouse on the page types of issue 19 at `baseUrl`, --lighthouse-runs each; printed as it goes. */
async function lighthouse(baseUrl, opts) {
  console.log(`  [lighthouse] ${LIGHTHOUSE_PAGES.length} pages × ${opts.lighthouseRuns} runs (mobile, simulated throttling)`);
  const pages = await lighthouseRuns({
    baseUrl, runs: opts.lighthouseRuns, executablePath: opts.chromium.executablePath,
    onRun: (page, run, r) => console.log(`  [lighthouse] ${r + 1}/${opts.lighthouseRuns} ${runLine(page, run)}`),
  });
  return { runs: opts.lighthouseRuns, version: pages[0]?.runs.find((r) => r.version)?.version, pages };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.reportOnly) {
    // Re-render report.md (and the growth lines) from an existing report.json.
    const report = await readJson(path.join(opts.out, 'report.json'));
    if (!report) fail(`no ${path.join(opts.out, 'report.json')} to re-render; run npm run bench first`);
    console.log(await writeReports(report, opts.out));
    return;
  }
  opts.chromium = chromiumStatus();
  if (opts.chromium.missing) {
    console.warn(`⚠ ${opts.chromium.missing}.\n  Browser measurements (chapter load, first search) and PDFs are skipped; the rest is measured.`);
  } else if (opts.browser) {
    try {
      opts.playwright = await import('@playwright/test');
    } catch {
      opts.playwrightMissing = 'the @playwright/test package is not installed (npm ci)';
      console.warn(`⚠ ${opts.playwrightMissing}: browser measurements skipped.`);
    }
  }
  await mkdir(opts.out, { recursive: true });
  if (opts.lighthouseOnly) return lighthouseOnly(opts);
  opts.queries = await querySet(QUERIES);
  const report = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.versions.node, platform: `${os.platform()} ${os.release()}` },
    options: {
      sizes: opts.sizes, runs: opts.runs, seed: opts.seed, query: opts.query, skipPdf: opts.skipPdf, pdfMax: opts.pdfMax, browser: opts.browser && !opts.chromium.missing,
      lighthouse: opts.lighthouse && opts.browser && !opts.chromium.missing, lighthouseRuns: opts.lighthouseRuns,
    },
    chromium: opts.chromium.missing ? { missing: opts.chromium.missing } : { executablePath: opts.chromium.executablePath },
    results: [],
  };
  console.log(`bench: N = ${opts.sizes.join(', ')}; ${opts.runs} build run(s) each; PDFs ${opts.skipPdf ? 'skipped' : `for N ≤ ${opts.pdfMax}`}; output in ${path.relative(process.cwd(), opts.out) || '.'}/`);
  const t0 = performance.now();
  if (opts.real) {
    await mkdir(path.join(opts.out, 'logs'), { recursive: true });
    report.real = await benchReal(opts);
    report.totalMs = Math.round(performance.now() - t0);
    await writeReports(report, opts.out);
  }
  for (const n of opts.sizes) {
    report.results.push(await benchOne(n, opts));
    report.totalMs = Math.round(performance.now() - t0);
    await writeReports(report, opts.out); // after each N, so a long run leaves what it has measured
  }
  const md = await writeReports(report, opts.out);
  console.log(`\n${md}`);
  console.log(`bench: done in ${formatMs(report.totalMs)} → ${path.relative(process.cwd(), path.join(opts.out, 'report.md'))}, report.json`);
}

/** --lighthouse-only: Lighthouse on the existing build (dist/, or $HB_BUILD_DIR/dist), served by nginx. */
async function lighthouseOnly(opts) {
  if (opts.chromium.missing) fail(opts.chromium.missing);
  const { getConfig } = await import('../../src/lib/config.ts');
  const dist = getConfig().outDir;
  if (!existsSync(path.join(dist, 'index.html'))) fail(`no build in ${dist}: run npm run build first`);
  const server = await serveBuild(dist);
  if (server.note) console.warn(`⚠ ${server.note}`);
  try {
    const result = { generatedAt: new Date().toISOString(), dist, server: server.server, loadAverage: { before: os.loadavg()[0] }, ...(await lighthouse(server.url, opts)) };
    result.loadAverage.after = os.loadavg()[0];
    await writeFile(path.join(opts.out, 'lighthouse.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\n${lighthouseText(result).join('\n')}\n\n→ ${path.relative(process.cwd(), path.join(opts.out, 'lighthouse.json'))}`);
  } finally {
    await server.close();
  }
}

async function writeReports(report, out) {
  report.growth = growthLines(report.results);
  const md = markdownReport(report);
  await writeFile(path.join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(out, 'report.md'), md);
  return md;
}

await main();
