/**
 * The build steps as one pipeline (src/integrations/steps.ts): re-running a step re-runs
 * what reads its output. The real case: `npm run pdf` after a build rewrites the HTML (PDF
 * download links with their sizes), so the offline worker must be made again, or readers'
 * phones keep stale pages (and the server its stale .br/.gz copies). Runs on a copy of the build under test (npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPdfLinks } from '../../src/integrations/pdf/links';
import { STEPS, stepsFrom } from '../../src/integrations/steps';
import { getConfig } from '../../src/lib/config';

const root = path.resolve(import.meta.dirname, '../..');

describe('step order', () => {
  it('runs every step once, in order, and re-runs what depends on a step', () => {
    expect(STEPS.map((s) => s.name)).toEqual(['link-check', 'search-index', 'pdf', 'docx', 'offline', 'compress']);
    expect(stepsFrom('pdf').map((s) => s.name)).toEqual(['pdf', 'offline', 'compress']);
    expect(stepsFrom('search-index').map((s) => s.name)).toEqual(['search-index', 'offline', 'compress']);
    expect(stepsFrom('link-check').map((s) => s.name)).toEqual(['link-check', 'compress']);
    expect(stepsFrom('docx').map((s) => s.name)).toEqual(['docx', 'offline', 'compress']);
    expect(stepsFrom('compress').map((s) => s.name)).toEqual(['compress']);
  });
});

/** The precache manifest in sw.js: url → revision. */
function precache(dist: string): Map<string, string> {
  const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  return new Map([...sw.matchAll(/\{url:"([^"]+)",revision:"([^"]+)"\}/g)].map((m) => [m[1], m[2]]));
}

const md5 = (file: string) => createHash('md5').update(readFileSync(file)).digest('hex');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => path.join(dir, f));
}

describe('npm run pdf after a build', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'hb-pipeline-'));
  const dist = path.join(work, 'dist');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('leaves sw.js revisions matching the files it rewrote', { timeout: 300_000 }, () => {
    const built = getConfig().outDir;
    expect(existsSync(path.join(built, 'sw.js')), `no build in ${built}: run npm run build`).toBe(true);
    cpSync(built, dist, { recursive: true });
    // The state of a build made without Chromium: no PDFs, their download links hidden, the
    // offline worker made for that HTML.
    for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf'))) rmSync(path.join(dist, file));
    for (const file of htmlFiles(dist)) writeFileSync(file, applyPdfLinks(readFileSync(file, 'utf8'), new Map()));
    // One PDF is enough to rewrite every page's download links; all 23 would triple the time.
    const env = { ...process.env, HB_BUILD_DIR: work, HB_PDF_ONLY: 'handbook.pdf', NO_COLOR: '1' };
    const offline = spawnSync(process.execPath, ['scripts/offline.mjs'], { cwd: root, env, encoding: 'utf8' });
    expect(offline.status, offline.stderr).toBe(0);
    const before = precache(dist);

    const pdf = spawnSync(process.execPath, ['scripts/pdf.mjs'], { cwd: root, env, encoding: 'utf8' });
    expect(pdf.status, pdf.stdout + pdf.stderr).toBe(0);

    // The PDF step changed pages (the download links now show), and the worker knows it.
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toMatch(/<li data-hb-pdf="handbook.pdf">/);
    const after = precache(dist);
    expect(after.get('index.html')).not.toBe(before.get('index.html'));
    const stale = [...after].filter(([url, revision]) => md5(path.join(dist, url)) !== revision).map(([url]) => url);
    expect(stale).toEqual([]);
    expect(after.size).toBeGreaterThan(100);
    // The precompressed copies were made again from the rewritten pages, and are not precached.
    expect(brotliDecompressSync(readFileSync(path.join(dist, 'index.html.br'))).equals(readFileSync(path.join(dist, 'index.html')))).toBe(true);
    expect(gunzipSync(readFileSync(path.join(dist, 'index.html.gz'))).equals(readFileSync(path.join(dist, 'index.html')))).toBe(true);
    expect([...after.keys()].filter((url) => /\.(br|gz)$/.test(url))).toEqual([]);
  });
});
