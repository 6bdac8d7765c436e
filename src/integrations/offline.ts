/**
 * Build step (steps.ts): the service worker that makes the handbook readable offline.
 * Runs after the search index and the PDFs (it fingerprints the HTML the PDF step rewrites).
 *
 * Workbox's generateSW (workbox-build): precaches every page, stylesheet, script, icon and
 * the Pagefind index with content-hashed revisions, so a reader's phone holds one complete
 * edition and swaps to the next only once it is fully downloaded. Print pages and PDFs are
 * large and for trainers at a desk: cached at runtime, once a reader opens them. Offline, a
 * page that is not saved gets the handbook's offline page (src/pages/offline.astro, precached)
 * instead of the browser's error page.
 * What a Workbox configuration cannot say (keeping the old edition's files for tabs still
 * showing it, refreshing saved print pages) is in offline-sw.js, written next to sw.js as
 * sw-edition.<id>.js with this edition's file list.
 * Writes dist/sw.js, the Workbox runtime, sw-edition.<id>.js and dist/offline-report.json
 * (precache size).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSW, getManifest } from 'workbox-build';
import { CACHE_ID, OFFLINE_PAGE, OPENED_CACHE, OPENED_MAX, PREVIOUS_CACHE_PREFIX } from '../lib/offline.ts';
import type { StepContext } from './steps.ts';

const EDITION_SCRIPT = fileURLToPath(new URL('./offline-sw.js', import.meta.url));
/** sw-edition.<id>.js and its .br/.gz copies from earlier runs of this step. */
const EDITION_FILE = /^sw-edition\.[0-9a-f]+\.js(\.br|\.gz)?$/;

export async function offline({ dist, logger }: StepContext): Promise<void> {
  const started = performance.now();
  const files = {
    globDirectory: dist,
    globPatterns: ['**/*.{html,css,js,svg,png,ico,webmanifest}', 'pagefind/**/*'],
    // The report files are for the benchmark, not for readers.
    // Print pages are cached when opened (below); their running heads are tiny and shared
    // with the slides, so they are precached.
    // .br/.gz copies (compress.ts) are the same files for the server to send; the browser
    // unpacks them.
    // The search's ready answers (src/lib/search/ready.ts) only save a download online;
    // offline the saved index answers the same search.
    globIgnores: ['sw.js', 'sw-edition.*', 'workbox-*.js', '*-report.json', '**/*.pdf', 'print/**/*.html', '**/*.br', '**/*.gz', 'pagefind/ready/**'],
    maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
  };

  // The edition: its id (from every file's revision) and the files an old tab may still ask for.
  const { manifestEntries } = await getManifest(files);
  const entries = (manifestEntries ?? []).map(({ url, revision }) => ({ url: `/${url}`, revision }));
  const id = createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 12);
  const edition = {
    id,
    assets: entries.map((e) => e.url).filter((url) => /^\/(_astro|pagefind)\//.test(url)),
    precache: `${CACHE_ID}-precache-v2-`,
    opened: OPENED_CACHE,
    previous: PREVIOUS_CACHE_PREFIX,
  };
  for (const file of readdirSync(dist)) if (EDITION_FILE.test(file)) rmSync(path.join(dist, file));
  const editionFile = `sw-edition.${id}.js`;
  writeFileSync(path.join(dist, editionFile), `self.hbEdition = ${JSON.stringify(edition)};\n${readFileSync(EDITION_SCRIPT, 'utf8')}`);

  // Offline, a page or file that is not saved gets the offline page, which says why.
  const fallback = { fallbackURL: `${OFFLINE_PAGE}index.html` };
  const { count, size, warnings } = await generateSW({
    ...files,
    swDest: path.join(dist, 'sw.js'),
    importScripts: [editionFile],
    mode: 'production',
    sourcemap: false,
    // The new edition waits until the reader accepts the "手册已更新" prompt (SKIP_WAITING).
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    cacheId: CACHE_ID,
    directoryIndex: 'index.html',
    // /search/?q=留痕 is the same page as /search/.
    ignoreURLParametersMatching: [/.*/],
    // Routes are tried in this order, after the precache. Workbox writes these functions
    // into sw.js as text, so they name paths literally (OPENED_CACHE's files).
    runtimeCaching: [
      {
        urlPattern: ({ url }) => url.pathname.endsWith('.pdf') || url.pathname.startsWith('/print/'),
        handler: 'NetworkFirst',
        options: {
          cacheName: OPENED_CACHE,
          networkTimeoutSeconds: 8,
          expiration: { maxEntries: OPENED_MAX },
          precacheFallback: fallback,
        },
      },
      {
        // Any other page the precache lacks (a mistyped address, a Word file): the network, or offline the offline page.
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: fallback },
      },
    ],
  });
  for (const warning of warnings) logger.warn(warning);
  // The precached files by name (as stored: `size`), so the benchmark and the budget test can
  // count what a phone downloads for them once the compress step has written the .br copies.
  const precached = entries.map((e) => e.url.slice(1));
  const report = { precacheFiles: count, precacheBytes: size, precached, ms: Math.round(performance.now() - started) };
  writeFileSync(path.join(dist, 'offline-report.json'), JSON.stringify(report, null, 2));
  logger.info(`service worker precaches ${count} files, ${(size / 1024).toFixed(0)} KiB (${report.ms} ms)`);
}
