/**
 * Measurements on a built site, for scripts/bench/run.mjs:
 * - sizes of folders (dist/, dist/pagefind/),
 * - the bytes a chapter page costs (HTML + the CSS and JS it references, followed through
 *   static imports; gzipped), read from the files, no browser needed,
 * - in Chromium (Playwright), against the build as scripts/bench/serve.mjs serves it (nginx):
 *   what a chapter page really loads, what a first search transfers (bodies as sent plus
 *   response headers, per kind of Pagefind file), and how long it takes from typing to
 *   visible results.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { chromiumArgs, chromiumPath } from '../../src/integrations/chromium.ts';

/** gzip size as a server would send it; files that are gzip already (Pagefind's) count as they are. */
export function gzipBytes(buffer) {
  if (buffer.length >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) return buffer.length;
  return gzipSync(buffer).length;
}

/** { bytes, files } of a folder, optionally skipping files by a test on their path. */
export async function folderSize(dir, skip = () => false) {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  const walk = async (d) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (!skip(full)) {
        bytes += (await stat(full)).size;
        files += 1;
      }
    }
  };
  await walk(dir);
  return { bytes, files };
}

export async function countHtmlPages(dist) {
  let pages = 0;
  const walk = async (d) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name !== '_astro' && entry.name !== 'pagefind') await walk(path.join(d, entry.name));
      } else if (entry.name.endsWith('.html')) pages += 1;
    }
  };
  await walk(dist);
  return pages;
}

const attr = (tag, name) => new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(2).find((v) => v !== undefined);

/** Stylesheets and scripts an HTML page loads when it opens (no dynamic imports). */
function pageAssets(html) {
  const css = [];
  const js = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel.includes('stylesheet')) css.push(href);
    else if (rel.includes('modulepreload')) js.push(href);
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src) js.push(src);
  }
  return { css, js };
}

/** Static imports of an ES module (minified or not): `import"./a.js"`, `import{x}from"./b.js"`, `export*from"./c.js"`. */
function staticImports(code) {
  const found = [];
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["']([^"']+)["']/g)) found.push(m[1]);
  return found;
}

/**
 * Bytes of one built page as a first visit costs them: the HTML, its stylesheets (and their
 * @imports) and its scripts with everything they import statically; each file gzipped.
 * Same-site files only; shared files count once.
 */
export async function pageBytes(dist, urlPath) {
  const file = path.join(dist, urlPath, 'index.html');
  const html = await readFile(file);
  const out = { url: urlPath, html: gzipBytes(html), htmlRaw: html.length, css: 0, js: 0, files: [] };
  const seen = new Set();
  const local = (href, from) => {
    const url = new URL(href, `http://site${from}`);
    return url.host === 'site' ? url.pathname : undefined;
  };
  const add = async (kind, pathname) => {
    if (!pathname || seen.has(pathname)) return;
    seen.add(pathname);
    const full = path.join(dist, pathname);
    if (!existsSync(full)) throw new Error(`${urlPath} references ${pathname}, which is not in the build`);
    const data = await readFile(full);
    const gz = gzipBytes(data);
    out[kind] += gz;
    out.files.push({ path: pathname, kind, bytes: data.length, gzip: gz });
    const text = data.toString('utf8');
    if (kind === 'js') for (const dep of staticImports(text)) await add('js', local(dep, pathname));
    if (kind === 'css') for (const m of text.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g)) await add('css', local(m[1], pathname));
  };
  const { css, js } = pageAssets(html.toString('utf8'));
  for (const href of css) await add('css', local(href, urlPath));
  for (const src of js) await add('js', local(src, urlPath));
  out.total = out.html + out.css + out.js;
  return out;
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : undefined;
};

/**
 * The chapter pages' costs: HTML sizes over all chapters (min, median, max), and the full
 * breakdown for the chapter whose HTML is the median one.
 */
export async function chapterPageBytes(dist, chapterUrls) {
  const sizes = [];
  for (const url of chapterUrls) sizes.push({ url, gz: gzipBytes(await readFile(path.join(dist, url, 'index.html'))) });
  sizes.sort((a, b) => a.gz - b.gz || a.url.localeCompare(b.url));
  const mid = sizes[Math.floor((sizes.length - 1) / 2)];
  const page = await pageBytes(dist, mid.url);
  return {
    htmlGzip: { min: sizes[0].gz, median: mid.gz, max: sizes.at(-1).gz },
    medianPage: page,
  };
}


const SW_BLOCK_ARTIFACT = /reading 'waiting'|reading 'addEventListener'/;

/** Chromium launch options: the project's one setup (src/integrations/chromium.ts). */
export function launchOptions(executablePath = chromiumPath) {
  return { executablePath, args: chromiumArgs };
}

/** What a Pagefind file is, for the per-kind breakdown of a first search; undefined: not Pagefind's. */
export function pagefindKind(pathname) {
  if (!pathname.startsWith('/pagefind/')) return undefined;
  const rest = pathname.slice('/pagefind/'.length);
  if (rest.startsWith('ready/')) return 'ready';
  if (rest === 'pagefind.js') return 'pagefind.js';
  if (rest === 'pagefind-entry.json') return 'entry';
  if (/^wasm\.[^/]+\.pagefind$/.test(rest)) return 'wasm';
  if (rest.endsWith('.pf_meta')) return 'pf_meta';
  if (rest.startsWith('filter/')) return 'filters';
  if (rest.startsWith('index/')) return 'chunks';
  if (rest.startsWith('fragment/')) return 'fragments';
  return 'other';
}
export const PAGEFIND_KINDS = ['ready', 'pagefind.js', 'entry', 'wasm', 'pf_meta', 'filters', 'chunks', 'fragments', 'other'];

/**
 * Record every finished request of a browser context (pages and workers) as the network
 * carried it: `body` is the response body as sent (Brotli when nginx had a .br copy), `headers`
 * the response headers, `transferred` both (Playwright's request.sizes()); `bytes` is the
 * decoded body. `mark()` starts a new window; `since(mark)` returns what finished after it;
 * `quiet(ms)` waits until nothing is in flight for `ms`.
 */
function recorder(context) {
  const log = [];
  let inFlight = 0;
  let lastChange = performance.now();
  const pending = new Set();
  context.on('request', () => {
    inFlight += 1;
    lastChange = performance.now();
  });
  const done = () => {
    inFlight -= 1;
    lastChange = performance.now();
  };
  context.on('requestfailed', (request) => {
    log.push({ url: request.url(), type: request.resourceType(), failed: true, bytes: 0, body: 0, headers: 0, transferred: 0, at: performance.now() });
    done();
  });
  context.on('requestfinished', (request) => {
    const at = performance.now();
    const task = (async () => {
      const response = await request.response();
      let bytes = 0;
      try {
        bytes = (await response?.body())?.length ?? 0;
      } catch {
        // Redirects and some aborted responses have no body.
      }
      const sizes = await request.sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }));
      const body = Math.max(0, sizes.responseBodySize);
      const headers = Math.max(0, sizes.responseHeadersSize);
      log.push({
        url: request.url(), type: request.resourceType(), status: response?.status(), encoding: (await response?.headerValue('content-encoding')) ?? undefined,
        bytes, body, headers, transferred: body + headers, at,
      });
    })().finally(done);
    pending.add(task);
    task.finally(() => pending.delete(task));
  });
  return {
    mark: () => performance.now(),
    since: (t) => log.filter((r) => r.at >= t),
    async quiet(ms = 500, timeout = 15_000) {
      const start = performance.now();
      for (;;) {
        await Promise.all(pending);
        if (inFlight <= 0 && performance.now() - lastChange >= ms) return;
        if (performance.now() - start > timeout) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);

function summarise(requests, base) {
  const byType = {};
  const byKind = {};
  for (const r of requests) {
    const t = (byType[r.type] ??= { requests: 0, transferred: 0 });
    t.requests += 1;
    t.transferred += r.transferred;
    const kind = pagefindKind(new URL(r.url).pathname);
    if (kind) {
      const k = (byKind[kind] ??= { requests: 0, body: 0, transferred: 0 });
      k.requests += 1;
      k.body += r.body;
      k.transferred += r.transferred;
    }
  }
  return {
    requests: requests.length,
    failed: requests.filter((r) => r.failed || (r.status ?? 200) >= 400).map((r) => r.url.replace(base, '')),
    bytes: sum(requests, 'bytes'),
    body: sum(requests, 'body'),
    headers: sum(requests, 'headers'),
    transferred: sum(requests, 'transferred'),
    byType,
    byKind,
    files: requests.map((r) => ({ path: r.url.replace(base, ''), type: r.type, encoding: r.encoding, bytes: r.bytes, body: r.body, headers: r.headers })),
  };
}

const isPagefind = (r) => pagefindKind(new URL(r.url).pathname) !== undefined;
const newContext = (browser) => browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block', colorScheme: 'light' });
/** The /search/ page's status once a search has finished: found, found nothing, or failed. */
const FINISHED = /找到|没有完成/;

/**
 * In Chromium: (1) open a chapter page and record what it loads; (2) open /search/, type
 * `query`, and record what the first search transfers and how long until results show.
 * The search is repeated `repeats` times in fresh contexts (cold caches); bytes come from
 * the first, the time is the median. Service workers are blocked so that the offline
 * precache does not count as page traffic.
 */
export async function browserMeasurements({ chromium, executablePath, baseUrl, chapterUrl, query, repeats = 3 }) {
  const browser = await chromium.launch(launchOptions(executablePath));
  try {
    // (1) Chapter page.
    let chapter;
    {
      const context = await newContext(browser);
      const rec = recorder(context);
      const page = await context.newPage();
      const t = rec.mark();
      await page.goto(baseUrl + chapterUrl, { waitUntil: 'load' });
      await rec.quiet();
      chapter = { url: chapterUrl, ...summarise(rec.since(t), baseUrl) };
      await context.close();
    }
    // (2) First search, cold, `repeats` times.
    const runs = [];
    for (let i = 0; i < repeats; i++) {
      const context = await newContext(browser);
      const rec = recorder(context);
      const page = await context.newPage();
      const consoleErrors = [];
      page.on('pageerror', (e) => consoleErrors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
      const t0 = rec.mark();
      await page.goto(`${baseUrl}/search/`, { waitUntil: 'load' });
      await rec.quiet();
      const pageLoad = summarise(rec.since(t0), baseUrl);
      const t1 = rec.mark();
      await page.fill('#hb-search-q', query);
      await page.locator('[data-results]:not([hidden]) > li').first().waitFor({ state: 'visible', timeout: 30_000 });
      const ms = performance.now() - t1;
      const results = await page.locator('[data-results] > li').count();
      const status = (await page.locator('[data-status]').textContent())?.trim();
      await rec.quiet();
      // Pagefind's files only (as tests/e2e/search.spec.ts counts); e.g. a lazy favicon request is not search traffic.
      const after = rec.since(t1);
      runs.push({
        ms: Math.round(ms), results, status, pageLoad, search: summarise(after.filter(isPagefind), baseUrl),
        other: summarise(after.filter((r) => !isPagefind(r)), baseUrl), errors: consoleErrors,
      });
      await context.close();
    }
    const first = runs[0];
    return {
      chapter,
      search: {
        query,
        status: first.status,
        resultsShown: first.results,
        pageLoad: first.pageLoad,
        firstSearch: first.search,
        otherRequestsMeanwhile: first.other,
        typingToResultsMs: median(runs.map((r) => r.ms)),
        typingToResultsAllMs: runs.map((r) => r.ms),
        // With service workers blocked, Playwright's stub register() resolves to undefined and
        // the offline element's `reg.waiting` throws: an artifact of the measurement, not a site error.
        errors: [...new Set(runs.flatMap((r) => r.errors))].filter((e) => !SW_BLOCK_ARTIFACT.test(e)),
        ignoredErrors: [...new Set(runs.flatMap((r) => r.errors))].filter((e) => SW_BLOCK_ARTIFACT.test(e)),
      },
    };
  } finally {
    await browser.close();
  }
}

/** Distinct searches of tests/search/queries.json: query, topic and kind as the search page's URL carries them. */
export async function querySet(file) {
  const { queries } = JSON.parse(await readFile(file, 'utf8'));
  const seen = new Map();
  for (const { q, topic, kind } of queries) {
    const params = new URLSearchParams({ q });
    if (topic) params.append('topic', topic);
    if (kind) params.set('kind', kind);
    const href = `/search/?${params}`;
    if (!seen.has(href)) seen.set(href, { q, topic, kind, href, label: [q, topic, kind].filter(Boolean).join(' · ') });
  }
  return [...seen.values()];
}

/**
 * A first search for each of `queries` (querySet()), each in a fresh browser context (cold
 * caches, service workers blocked; `concurrency` at a time): open its /search/?q=… address,
 * wait until the page says what it found and the network is quiet, and count the Pagefind
 * files transferred (bodies as sent + headers), per kind. Returns each query's figures and
 * the median and maximum over the set, and how many were answered from the build's ready
 * answers (src/lib/search/ready.ts). `ready: false` blocks those, so every query goes through
 * Pagefind, as a term outside the vocabulary or a search with a filter does.
 */
export async function firstSearches({ chromium, executablePath, baseUrl, queries, concurrency = 3, ready = true }) {
  const browser = await chromium.launch(launchOptions(executablePath));
  const each = [];
  const errors = new Set();
  const one = async (query) => {
    const context = await newContext(browser);
    try {
      if (!ready) await context.route('**/pagefind/ready/**', (route) => route.abort('blockedbyclient'));
      const rec = recorder(context);
      const page = await context.newPage();
      page.on('pageerror', (e) => !SW_BLOCK_ARTIFACT.test(String(e)) && errors.add(`${query.label}: ${e}`));
      const t0 = rec.mark();
      await page.goto(baseUrl + query.href, { waitUntil: 'load' });
      await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-status]')?.textContent ?? ''), FINISHED.source, { timeout: 30_000 });
      const status = (await page.locator('[data-status]').textContent())?.trim();
      const results = await page.locator('[data-results] > li').count();
      await rec.quiet();
      const files = rec.since(t0).filter(isPagefind).filter((f) => ready || pagefindKind(new URL(f.url).pathname) !== 'ready');
      const { failed: failedRequests, ...figures } = summarise(files, baseUrl);
      return { ...query, status, resultsShown: results, ...figures, failedRequests, failed: /没有完成/.test(status ?? '') || failedRequests.length > 0 };
    } finally {
      await context.close();
    }
  };
  try {
    // Contexts share no cache, so a few run side by side (bytes do not depend on timing).
    let next = 0;
    const worker = async () => {
      while (next < queries.length) {
        const i = next++;
        each[i] = await one(queries[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queries.length) }, worker));
  } finally {
    await browser.close();
  }
  const sorted = [...each].sort((a, b) => a.transferred - b.transferred);
  const mid = sorted[Math.floor((sorted.length - 1) / 2)];
  return {
    queries: each.length,
    median: { label: mid.label, transferred: mid.transferred, requests: mid.requests, byKind: mid.byKind },
    max: { label: sorted.at(-1).label, transferred: sorted.at(-1).transferred, requests: sorted.at(-1).requests, byKind: sorted.at(-1).byKind },
    min: { label: sorted[0].label, transferred: sorted[0].transferred },
    answeredReady: each.filter((q) => q.byKind?.ready && !q.byKind?.wasm).length,
    failed: each.filter((q) => q.failed).map((q) => `${q.label}${q.failedRequests.length ? ` (${q.failedRequests.join(', ')})` : ''}`),
    errors: [...errors],
    each: each.map(({ files, byType, ...rest }) => rest),
  };
}
