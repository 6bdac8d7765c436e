/**
 * Measurements on a built site, for scripts/bench/run.mjs:
 * - sizes of folders (dist/, dist/pagefind/),
 * - the bytes a chapter page costs (HTML + the CSS and JS it references, followed through
 *   static imports; gzipped), read from the files, no browser needed,
 * - in Chromium (Playwright): what a chapter page really loads, what a first search
 *   transfers, and how long it takes from typing to visible results.
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

/** Chromium launch options: the project's one setup (scripts/chromium.mjs). */
export function launchOptions(executablePath = chromiumPath) {
  return { executablePath, args: chromiumArgs };
}

/**
 * Record every finished request of a browser context (pages and workers), with its body
 * size raw and gzipped. `mark()` starts a new window; `since(mark)` returns what finished
 * after it; `quiet(ms)` waits until nothing is in flight for `ms`.
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
    log.push({ url: request.url(), type: request.resourceType(), failed: true, bytes: 0, gzip: 0, at: performance.now() });
    done();
  });
  context.on('requestfinished', (request) => {
    const at = performance.now();
    const task = (async () => {
      const response = await request.response();
      let body = Buffer.alloc(0);
      try {
        body = (await response?.body()) ?? body;
      } catch {
        // Redirects and some aborted responses have no body.
      }
      log.push({ url: request.url(), type: request.resourceType(), status: response?.status(), bytes: body.length, gzip: body.length ? gzipBytes(body) : 0, at });
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
  for (const r of requests) {
    const t = (byType[r.type] ??= { requests: 0, bytes: 0, gzip: 0 });
    t.requests += 1;
    t.bytes += r.bytes;
    t.gzip += r.gzip;
  }
  return {
    requests: requests.length,
    failed: requests.filter((r) => r.failed || (r.status ?? 200) >= 400).map((r) => r.url.replace(base, '')),
    bytes: sum(requests, 'bytes'),
    gzip: sum(requests, 'gzip'),
    byType,
    files: requests.map((r) => ({ path: r.url.replace(base, ''), type: r.type, bytes: r.bytes, gzip: r.gzip })),
  };
}

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
    const newContext = () => browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block', colorScheme: 'light' });
    // (1) Chapter page.
    let chapter;
    {
      const context = await newContext();
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
      const context = await newContext();
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
      const isPagefind = (r) => new URL(r.url).pathname.startsWith('/pagefind/');
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
