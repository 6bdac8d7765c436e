/**
 * The site as nginx serves it with deploy/nginx.conf (playwright.config.ts starts it): the
 * precompressed copies the build wrote, the security headers as real headers, caching,
 * content types and the 404 page. What an office deploys is what is tested here.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test, type APIResponse } from '@playwright/test';
import { CSP } from '../../src/lib/csp.ts';
import { getConfig } from '../../src/lib/config.ts';
import { dist } from './site-pages';

test.skip(getConfig().testServer !== 'nginx', 'HB_TEST_SERVER=preview: these tests are about nginx');

const IMMUTABLE = 'public, max-age=31536000, immutable';
const first = (dir: string, pattern: RegExp) => readdirSync(path.join(dist, dir)).filter((f) => pattern.test(f)).sort()[0];
/** A script every page loads, with its precompressed copies. */
const script = () => `/_astro/${first('_astro', /\.js$/)}`;

/** The headers public/_headers sets for every path, as name → value. */
function headersFile(): Map<string, string> {
  const text = readFileSync(path.resolve(import.meta.dirname, '../../public/_headers'), 'utf8');
  const block = text.split(/^\/\*\s*$/m)[1].split(/^\S/m)[0];
  return new Map([...block.matchAll(/^\s+([\w-]+): (.+)$/gm)].map((m) => [m[1].toLowerCase(), m[2].trim()]));
}

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers['content-security-policy']).toBe(`${CSP}; frame-ancestors 'none'`);
  for (const [name, value] of headersFile()) expect(headers[name], name).toBe(value);
}

test.describe('precompressed files', () => {
  test('a page comes as Brotli when the browser accepts br, gzip when only gzip, plain otherwise', async ({ request }) => {
    const html = readFileSync(path.join(dist, 'meetings/index.html'));
    const br = await request.get('/meetings/', { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(br.status()).toBe(200);
    expect(br.headers()['content-encoding'], 'no .br copy served: was the build made with HB_SKIP_STEPS=compress?').toBe('br');
    expect(br.headers()['vary']).toMatch(/Accept-Encoding/i);
    expect(Number(br.headers()['content-length'])).toBe(readFileSync(path.join(dist, 'meetings/index.html.br')).length);
    expect((await br.body()).equals(html)).toBe(true);

    const gz = await request.get('/meetings/', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers()['content-encoding']).toBe('gzip');
    expect(Number(gz.headers()['content-length'])).toBe(readFileSync(path.join(dist, 'meetings/index.html.gz')).length);
    expect((await gz.body()).equals(html)).toBe(true);

    const plain = await request.get('/meetings/', { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers()['content-encoding']).toBeUndefined();
    expect((await plain.body()).equals(html)).toBe(true);
  });

  test('a script comes as Brotli or gzip, and its .br copy unpacks to the file', async ({ request }) => {
    const url = script();
    const file = readFileSync(path.join(dist, url));
    expect(brotliDecompressSync(readFileSync(path.join(dist, `${url}.br`))).equals(file)).toBe(true);
    const br = await request.get(url, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers()['content-encoding']).toBe('br');
    expect(br.headers()['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await br.body()).equals(file)).toBe(true);
    const gz = await request.get(url, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers()['content-encoding']).toBe('gzip');
  });

  test('Pagefind’s index files: Brotli of their unpacked bytes when the browser takes it, else the gzip file as Pagefind wrote it', async ({ request }) => {
    for (const url of [
      `/pagefind/${first('pagefind', /\.pf_meta$/)}`,
      `/pagefind/index/${first('pagefind/index', /\.pf_index$/)}`,
      `/pagefind/fragment/${first('pagefind/fragment', /\.pf_fragment$/)}`,
      `/pagefind/filter/${first('pagefind/filter', /\.pf_filter$/)}`,
      `/pagefind/${first('pagefind', /^wasm\..+\.pagefind$/)}`,
    ]) {
      const file = readFileSync(path.join(dist, url));
      const br = await request.get(url, { headers: { 'Accept-Encoding': 'br, gzip' } });
      expect(br.status(), url).toBe(200);
      expect(br.headers()['content-type'], url).toBe('application/octet-stream');
      expect(br.headers()['content-encoding'], url).toBe('br');
      // Unpacked by the client: Pagefind's own bytes, its signature first (it skips its gunzip).
      const unpacked = await br.body();
      expect(unpacked.equals(gunzipSync(file)), url).toBe(true);
      expect(unpacked.subarray(0, 12).toString(), url).toBe('pagefind_dcd');
      const gz = await request.get(url, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(gz.headers()['content-encoding'], url).toBeUndefined();
      expect((await gz.body()).equals(file), url).toBe(true);
    }
  });

  test('in Chromium, pages and search work over whatever encoding it asks for', async ({ browser }) => {
    // No service worker: every file comes from the server.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const response = await page.goto('/search/?q=%E7%95%99%E7%97%95');
    const accepted = (await response!.request().allHeaders())['accept-encoding'] ?? '';
    const encoding = response!.headers()['content-encoding'];
    expect(encoding).toBe(/\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined);
    // The search ran: Pagefind's script, wasm and index came through nginx and were unpacked.
    await expect(page.getByRole('list', { name: '搜索结果' }).getByRole('heading', { level: 2 }).first()).toHaveText('留痕的边界');
    await context.close();
  });
});

test.describe('headers', () => {
  test('HTML responses carry the CSP with frame-ancestors and the other security headers', async ({ request }) => {
    for (const url of ['/', '/meetings/attendance/', '/search/']) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expect(response.headers()['content-type']).toBe('text/html; charset=utf-8');
      expectSecurityHeaders(response);
    }
  });

  test('so do error pages; scripts carry the CSP, other files only nosniff and the referrer policy', async ({ request }) => {
    const notFound = await request.get('/no-such-page/');
    expect(notFound.status()).toBe(404);
    expectSecurityHeaders(notFound);
    for (const url of ['/sw.js', script(), '/pagefind/pagefind.js']) {
      expect((await request.get(url)).headers()['content-security-policy'], url).toBe(`${CSP}; frame-ancestors 'none'`);
    }
    // Document headers mean nothing to a data file; over HTTP/1.1 they would weigh on each of
    // the 13-16 files a first search fetches.
    const chunk = await request.get(`/pagefind/index/${first('pagefind/index', /\.pf_index$/)}`);
    const rules = headersFile();
    expect(chunk.headers()['x-content-type-options']).toBe(rules.get('x-content-type-options'));
    expect(chunk.headers()['referrer-policy']).toBe(rules.get('referrer-policy'));
    for (const name of ['content-security-policy', 'permissions-policy', 'cross-origin-opener-policy']) expect(chunk.headers()[name], name).toBeUndefined();
  });

  test('a page cannot be framed by another site', async ({ page }) => {
    const blocked = page.waitForEvent('console', { predicate: (m) => /frame-ancestors/.test(m.text()), timeout: 10_000 });
    await page.setContent(`<iframe src="${test.info().project.use.baseURL}/"></iframe>`);
    await blocked;
  });

  test('fingerprinted files are cached for a year, immutable', async ({ request }) => {
    const urls = [
      script(),
      `/_astro/${first('_astro', /\.css$/)}`,
      `/pagefind/${first('pagefind', /\.pf_meta$/)}`,
      `/pagefind/index/${first('pagefind/index', /\.pf_index$/)}`,
      `/pagefind/fragment/${first('pagefind/fragment', /\.pf_fragment$/)}`,
      `/pagefind/filter/${first('pagefind/filter', /\.pf_filter$/)}`,
    ];
    for (const url of urls) {
      const response = await request.get(url, { headers: { 'Accept-Encoding': 'br' } });
      expect(response.status(), url).toBe(200);
      expect(response.headers()['cache-control'], url).toBe(IMMUTABLE);
    }
  });

  test('pages, the service worker, Pagefind’s entry files and the manifest are revalidated', async ({ request }) => {
    const urls = [
      '/', '/meetings/attendance/', '/404.html', '/sw.js', `/${first('.', /^workbox-.+\.js$/)}`,
      '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/manifest.webmanifest',
    ];
    for (const url of urls) {
      const response = await request.get(url, { headers: { 'Accept-Encoding': 'br, gzip' } });
      expect(response.status(), url).toBe(200);
      expect(response.headers()['cache-control'], url).toBe('no-cache');
    }
  });
});

test.describe('types, folders and the 404 page', () => {
  test('the manifest, sitemap and Pagefind’s entry have their types', async ({ request }) => {
    const type = async (url: string) => (await request.get(url)).headers()['content-type'];
    expect(await type('/manifest.webmanifest')).toBe('application/manifest+json; charset=utf-8');
    expect(await type('/pagefind/pagefind-entry.json')).toBe('application/json; charset=utf-8');
    expect(await type('/sitemap-index.xml')).toBe('application/xml; charset=utf-8');
    expect(await type('/favicon.svg')).toBe('image/svg+xml; charset=utf-8');
  });

  test('.wasm is application/wasm, so browsers can compile it while it downloads', async ({ page, request }) => {
    // The build has no .wasm file of its own (Pagefind's is gzip, as wasm.*.pagefind): a
    // smallest valid module is put in the served folder for this test.
    const name = `hb-hosting-test-${process.pid}.wasm`;
    writeFileSync(path.join(dist, name), Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
    try {
      const response = await request.get(`/${name}`);
      expect(response.headers()['content-type']).toBe('application/wasm');
      await page.goto('/');
      // instantiateStreaming refuses any other type.
      const ok = await page.evaluate(async (url) => {
        const { instance } = await WebAssembly.instantiateStreaming(fetch(url));
        return instance instanceof WebAssembly.Instance;
      }, `/${name}`);
      expect(ok).toBe(true);
    } finally {
      rmSync(path.join(dist, name), { force: true });
    }
  });

  test('a folder without its slash is redirected to it, with the query kept', async ({ request }) => {
    const response = await request.get('/meetings?x=1', { maxRedirects: 0 });
    expect(response.status()).toBe(301);
    expect(response.headers()['location']).toBe('/meetings/?x=1');
  });

  test('an unknown address gets the site’s 404 page with status 404', async ({ page, request }) => {
    const page404 = readFileSync(path.join(dist, '404.html'));
    for (const url of ['/no-such-page/', '/meetings/no-such-chapter/', '/_astro/missing.js', '/icons/']) {
      const response = await request.get(url, { headers: { 'Accept-Encoding': 'identity' } });
      expect(response.status(), url).toBe(404);
      expect(response.headers()['content-type'], url).toBe('text/html; charset=utf-8');
      expect((await response.body()).equals(page404), url).toBe(true);
    }
    const response = await page.goto('/no-such-page/');
    expect(response!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面没有找到');
    // Its stylesheet loads (absolute URLs from any depth).
    expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
  });
});
