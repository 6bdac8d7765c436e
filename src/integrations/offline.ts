/**
 * Build step (steps.ts): the service worker that makes the handbook readable offline.
 * Runs after the search index and the PDFs (it fingerprints the HTML the PDF step rewrites).
 *
 * Workbox's generateSW (workbox-build): precaches every page, stylesheet, script, icon and
 * the Pagefind index with content-hashed revisions, so a reader's phone holds one complete
 * edition and swaps to the next only once it is fully downloaded. PDFs are large and
 * optional: they are cached at runtime, once a reader opens them.
 * Writes dist/sw.js (+ the Workbox runtime) and dist/offline-report.json (precache size).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSW } from 'workbox-build';
import type { StepContext } from './steps.ts';

export async function offline({ dist, logger }: StepContext): Promise<void> {
  const started = performance.now();
  const { count, size, warnings } = await generateSW({
    globDirectory: dist,
    globPatterns: ['**/*.{html,css,js,svg,png,ico,webmanifest}', 'pagefind/**/*'],
    // The report files are for the benchmark, not for readers.
    // Print pages are long and for trainers at a desk: cached when opened, like the PDFs.
    // .br/.gz copies (compress.ts) are the same files for the server to send; the browser
    // unpacks them.
    globIgnores: ['sw.js', 'workbox-*.js', '*-report.json', '**/*.pdf', 'print/**', '**/*.br', '**/*.gz'],
    swDest: path.join(dist, 'sw.js'),
    mode: 'production',
    sourcemap: false,
    // The new edition waits until the reader accepts the "手册已更新" prompt (SKIP_WAITING).
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    cacheId: 'hb',
    directoryIndex: 'index.html',
    // /search/?q=留痕 is the same page as /search/.
    ignoreURLParametersMatching: [/.*/],
    maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
    runtimeCaching: [
      {
        urlPattern: ({ url }) => url.pathname.endsWith('.pdf') || url.pathname.startsWith('/print/'),
        handler: 'NetworkFirst',
        options: {
          cacheName: 'hb-print',
          networkTimeoutSeconds: 8,
          expiration: { maxEntries: 12 },
        },
      },
    ],
  });
  for (const warning of warnings) logger.warn(warning);
  const report = { precacheFiles: count, precacheBytes: size, ms: Math.round(performance.now() - started) };
  writeFileSync(path.join(dist, 'offline-report.json'), JSON.stringify(report, null, 2));
  logger.info(`service worker precaches ${count} files, ${(size / 1024).toFixed(0)} KiB (${report.ms} ms)`);
}
