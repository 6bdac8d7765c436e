/**
 * Build step (steps.ts), the last one: precompressed copies of the text files, so a server
 * sends Brotli or gzip with no CPU per request (deploy/nginx.conf: `brotli_static on;
 * gzip_static on;`).
 *
 * Beside every HTML, CSS, JS, JSON, SVG, XML, web manifest, text, wasm and Pagefind file it
 * writes `x.br` (Brotli; quality in brotliQuality) and `x.gz` (gzip, level 9), each only when
 * the file is at least 1 KiB and the compressed copy is smaller. Pagefind's index files (`*.pf_meta`,
 * `*.pf_index`, `*.pf_fragment`, `*.pf_filter`, `wasm.*.pagefind`) are gzip already, as
 * Pagefind writes them (recognised by their first bytes): they get a `.br` only, holding the
 * same bytes unpacked and Brotli-compressed (11–17% smaller: on a first search, ~8 KB less
 * WebAssembly alone). A server without Brotli sends the gzip file as it is and Pagefind's
 * script unpacks it; with Brotli the browser unpacks the `.br`, and Pagefind's script sees
 * its own “pagefind_dcd” signature at the start and skips its gunzip. PDFs and images are
 * never compressed. A `.br`/`.gz` left from an earlier run whose file is gone, no longer worth
 * compressing or now compressed already is removed, so a server never sends a stale copy.
 * Runs after every other step (each of them writes or rewrites files).
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress as brotliCb, constants, gunzip as gunzipCb, gzip as gzipCb } from 'node:zlib';
import type { StepContext } from './steps.ts';

const brotliCompress = promisify(brotliCb);
const gzip = promisify(gzipCb);
const gunzip = promisify(gunzipCb);

/** Files under this size are sent as they are: a compressed copy saves less than a packet. */
export const MIN_BYTES = 1024;

/**
 * Bytes a server with deploy/nginx.conf sends for `file` (a path under `dist`): its `.br`
 * copy where this step wrote one (brotli_static), else the file as it is. What a reader's
 * phone downloads, for the budgets (first search, offline precache).
 */
export function servedSize(dist: string, file: string): number {
  const full = path.join(dist, file);
  return statSync(existsSync(`${full}.br`) ? `${full}.br` : full).size;
}

/** Text-like files worth a compressed copy, by extension (lower case, with the dot). */
const TEXT = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.webmanifest', '.txt']);
/** Binary files worth trying (Brotli's generic mode). */
const BINARY = new Set(['.wasm']);
/** Pagefind's own files (under pagefind/): mostly gzip already, checked by their first bytes. */
const PAGEFIND = new Set(['.pf_meta', '.pf_index', '.pf_fragment', '.pf_filter', '.pagefind']);
/** The build's reports are for the benchmark, not for readers (and change after this step). */
const REPORT = /-report\.json$/;
const ENCODINGS = ['.br', '.gz'] as const;

/** What a file is counted as in the report. */
export type Kind = 'html' | 'css' | 'js' | 'pagefind' | 'other';

/** Whether `rel` (a path relative to the site, `/`-separated) is a file this step compresses. */
export function isCandidate(rel: string): boolean {
  const ext = path.posix.extname(rel).toLowerCase();
  if (REPORT.test(rel)) return false;
  return TEXT.has(ext) || BINARY.has(ext) || PAGEFIND.has(ext);
}

const isGzip = (data: Uint8Array) => data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;

/** gzip (1f 8b) or zstd (28 b5 2f fd): compressed already, sending it compressed again saves nothing. */
export function isCompressed(data: Uint8Array): boolean {
  if (isGzip(data)) return true;
  return data.length >= 4 && data[0] === 0x28 && data[1] === 0xb5 && data[2] === 0x2f && data[3] === 0xfd;
}

function kindOf(rel: string): Kind {
  if (rel.startsWith('pagefind/')) return 'pagefind';
  const ext = path.posix.extname(rel).toLowerCase();
  if (ext === '.html') return 'html';
  if (ext === '.css') return 'css';
  if (ext === '.js' || ext === '.mjs') return 'js';
  return 'other';
}

export interface Totals {
  /** Files with at least one compressed copy. */
  files: number;
  /** Their size as they are. */
  bytes: number;
  /** Sum over those files of what a reader's browser receives: the .br (or the file itself where no .br is worth it). */
  br: number;
  /** The same with .gz. */
  gzip: number;
}

export interface CompressReport extends Totals {
  /** Compressed copies written. */
  written: { br: number; gzip: number };
  /** Candidates left as they are, and why. */
  skipped: { small: number; precompressed: number; notSmaller: number };
  /** Pagefind's gzip files that got a Brotli copy of their unpacked bytes. */
  repacked: number;
  /** Stale .br/.gz files removed. */
  removed: number;
  /** The same totals per kind of file (kinds with no compressed file left out). */
  byKind: Partial<Record<Kind, Totals>>;
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listFiles(full, base)));
    else if (entry.isFile()) found.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return found;
}

/** Runs `work` over `items`, at most `limit` at a time (zlib's async calls use libuv's thread pool). */
async function eachLimit<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Brotli quality by what the file is. Pages (HTML) at 8: each is fetched once per visit, and
 * quality 11 took ~30 times as long for ~9% fewer bytes (the whole-handbook print page alone
 * is megabytes; at 1,000 chapters the step took minutes). Everything else — scripts, styles,
 * Pagefind's script, WebAssembly and index, which every page or every search fetches — at 11.
 */
export function brotliQuality(rel: string): number {
  return path.posix.extname(rel).toLowerCase() === '.html' ? 8 : 11;
}

function brotli(data: Buffer, text: boolean, quality: number): Promise<Buffer> {
  return brotliCompress(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

const zero = (): Totals => ({ files: 0, bytes: 0, br: 0, gzip: 0 });

/** Writes (or removes) the .br and .gz copies in `dist`; returns what it did. */
export async function compressDir(dist: string): Promise<CompressReport> {
  const all = await listFiles(dist);
  const present = new Set(all);
  const report: CompressReport = {
    ...zero(),
    written: { br: 0, gzip: 0 },
    skipped: { small: 0, precompressed: 0, notSmaller: 0 },
    repacked: 0,
    removed: 0,
    byKind: {},
  };

  // Copies whose file is gone. Only for names this step would have compressed: a download
  // such as data.tar.gz is not a copy of anything.
  for (const rel of all) {
    const enc = ENCODINGS.find((e) => rel.endsWith(e));
    if (!enc) continue;
    const original = rel.slice(0, -enc.length);
    if (isCandidate(original) && !present.has(original)) {
      await rm(path.join(dist, rel), { force: true });
      present.delete(rel);
      report.removed++;
    }
  }

  /**
   * Writes `data` to rel+enc when it is worth it, with the file's own times (a server's
   * Last-Modified is then the same whichever copy it sends); else removes an old copy.
   */
  const keep = async (rel: string, enc: (typeof ENCODINGS)[number], data: Buffer | undefined): Promise<boolean> => {
    const file = path.join(dist, rel + enc);
    if (data) {
      await writeFile(file, data);
      const { atime, mtime } = await stat(path.join(dist, rel));
      await utimes(file, atime, mtime);
      return true;
    }
    if (present.has(rel + enc)) {
      await rm(file, { force: true });
      report.removed++;
    }
    return false;
  };

  const candidates = all.filter((rel) => isCandidate(rel)).sort();
  await eachLimit(candidates, Math.max(2, availableParallelism()), async (rel) => {
    const data = await readFile(path.join(dist, rel));
    let br: Buffer | undefined;
    let gz: Buffer | undefined;
    const ext = path.posix.extname(rel).toLowerCase();
    if (PAGEFIND.has(ext) && isGzip(data)) {
      // Served compressed either way: the .br must beat the gzip file itself.
      br = await brotli(await gunzip(data), false, brotliQuality(rel));
      if (br.length >= data.length) br = undefined;
      else report.repacked++;
    } else if (isCompressed(data)) report.skipped.precompressed++;
    else if (data.length < MIN_BYTES) report.skipped.small++;
    else {
      const text = !BINARY.has(ext) && !PAGEFIND.has(ext);
      [br, gz] = await Promise.all([brotli(data, text, brotliQuality(rel)), gzip(data, { level: 9 })]);
      if (br.length >= data.length) br = undefined;
      if (gz.length >= data.length) gz = undefined;
      if (!br && !gz) report.skipped.notSmaller++;
    }
    const wroteBr = await keep(rel, '.br', br);
    const wroteGz = await keep(rel, '.gz', gz);
    if (!wroteBr && !wroteGz) return;
    if (wroteBr) report.written.br++;
    if (wroteGz) report.written.gzip++;
    for (const totals of [report, (report.byKind[kindOf(rel)] ??= zero())]) {
      totals.files++;
      totals.bytes += data.length;
      totals.br += br?.length ?? data.length;
      // A Pagefind file is its own gzip copy.
      totals.gzip += gz?.length ?? data.length;
    }
  });
  report.byKind = Object.fromEntries(Object.entries(report.byKind).sort(([a], [b]) => a.localeCompare(b)));
  return report;
}

const kib = (n: number) => `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KiB`;

/** The step: also returns its report, which steps.ts adds to dist/build-report.json. */
export async function compress({ dist, logger }: StepContext): Promise<CompressReport> {
  const started = performance.now();
  const report = await compressDir(dist);
  const ms = Math.round(performance.now() - started);
  const { skipped } = report;
  logger.info(
    `${report.files} files precompressed: ${kib(report.bytes)} → br ${kib(report.br)}, gzip ${kib(report.gzip)} ` +
      `(${report.written.br} .br, ${report.written.gzip} .gz; ${report.repacked} of Pagefind's gzip files also as .br; left as they are: ${skipped.precompressed} compressed already, ` +
      `${skipped.small} under 1 KiB, ${skipped.notSmaller} not smaller; ${report.removed} stale copies removed) in ${ms} ms`,
  );
  return report;
}
