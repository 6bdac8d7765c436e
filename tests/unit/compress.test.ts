/**
 * The precompression step (src/integrations/compress.ts) on a temp folder: which files get
 * .br/.gz copies, that the copies unpack to the file, what is left alone (Pagefind's gzip
 * files, small files, PDFs, images, incompressible bytes), and that stale copies go.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compress, compressDir, isCandidate, isCompressed, type CompressReport } from '../../src/integrations/compress';

const page = `<!doctype html><html lang="zh-CN"><body>${'<p>按事项定参会人，常规事项由经办人参加。</p>\n'.repeat(200)}</body></html>`;
const script = `export function f(x){return x+1}\n${'console.log("hello handbook");\n'.repeat(100)}`;

describe('compress step', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'hb-compress-'));
  const file = (rel: string) => path.join(dist, rel);
  const write = (rel: string, data: string | Buffer) => {
    mkdirSync(path.dirname(file(rel)), { recursive: true });
    writeFileSync(file(rel), data);
  };
  let report: CompressReport;
  const logged: string[] = [];

  beforeAll(async () => {
    write('index.html', page);
    utimesSync(file('index.html'), new Date('2026-01-02T03:04:05Z'), new Date('2026-01-02T03:04:05Z'));
    write('meetings/attendance/index.html', page.replace('参会', '陪会'));
    write('_astro/Base.abc123.css', `.a{color:red}\n${'.hb-x{margin:0 auto;padding:1rem}\n'.repeat(60)}`);
    write('_astro/app.abc123.js', script);
    write('pagefind/pagefind.js', script.repeat(3));
    write('pagefind/pagefind-entry.json', '{"version":"1.6.0"}'); // small
    write('pagefind/fragment/zh-cn_abc.pf_fragment', gzipSync(`pagefind_dcd${page}`));
    write('pagefind/index/zh-cn_def.pf_index', gzipSync(`pagefind_dcd${'x'.repeat(5000)}`));
    write('pagefind/wasm.unknown.pagefind', gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(script.repeat(4))])));
    write('manifest.webmanifest', JSON.stringify({ name: '基层减负工作手册', icons: Array(40).fill({ src: '/icons/icon-192.png', sizes: '192x192' }) }));
    write('sitemap-0.xml', `<urlset>${'<url><loc>https://handbook.example.org/meetings/</loc></url>'.repeat(50)}</urlset>`);
    write('robots.txt', 'User-agent: *\nAllow: /\n'); // small
    write('search.wasm', randomBytes(4096)); // does not compress
    write('handbook.pdf', `%PDF-1.7\n${'0'.repeat(5000)}`);
    write('icons/icon-192.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(5000)]));
    write('build-report.json', JSON.stringify({ pdf: { ms: 1 }, padding: 'x'.repeat(4000) }));
    // Left by an earlier build: copies of files that are gone or no longer worth a copy.
    write('old/index.html.br', 'stale');
    write('old/index.html.gz', 'stale');
    write('pagefind/fragment/zh-cn_gone.pf_fragment.gz', 'stale');
    write('robots.txt.br', 'stale');
    write('pagefind/fragment/zh-cn_abc.pf_fragment.br', 'stale');
    // Not a copy of anything: a download that happens to end in .gz.
    write('downloads/data.tar.gz', gzipSync('data'));
    const logger = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };
    report = await compress({ dist, logger });
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('writes .br and .gz beside text files that unpack to the file', () => {
    for (const rel of ['index.html', 'meetings/attendance/index.html', '_astro/Base.abc123.css', '_astro/app.abc123.js', 'pagefind/pagefind.js', 'manifest.webmanifest', 'sitemap-0.xml']) {
      const original = readFileSync(file(rel));
      expect(brotliDecompressSync(readFileSync(file(`${rel}.br`))).equals(original), rel).toBe(true);
      expect(gunzipSync(readFileSync(file(`${rel}.gz`))).equals(original), rel).toBe(true);
      expect(readFileSync(file(`${rel}.br`)).length).toBeLessThan(original.length);
    }
  });

  it('gives the copies the file’s own modification time', () => {
    const { mtimeMs } = statSync(file('index.html'));
    expect(statSync(file('index.html.br')).mtimeMs).toBe(mtimeMs);
    expect(statSync(file('index.html.gz')).mtimeMs).toBe(mtimeMs);
  });

  it('Brotli beats gzip on HTML', () => {
    expect(readFileSync(file('index.html.br')).length).toBeLessThan(readFileSync(file('index.html.gz')).length);
  });

  it('gives Pagefind’s gzip files a .br of their unpacked bytes (Pagefind’s signature first), smaller than the gzip, and no .gz', () => {
    for (const rel of ['pagefind/fragment/zh-cn_abc.pf_fragment', 'pagefind/index/zh-cn_def.pf_index', 'pagefind/wasm.unknown.pagefind']) {
      const gz = readFileSync(file(rel));
      const br = readFileSync(file(`${rel}.br`));
      expect(brotliDecompressSync(br).equals(gunzipSync(gz)), rel).toBe(true);
      expect(brotliDecompressSync(br).subarray(0, 12).toString(), rel).toBe('pagefind_dcd');
      expect(br.length, rel).toBeLessThan(gz.length);
      expect(existsSync(file(`${rel}.gz`)), `${rel}.gz`).toBe(false);
    }
    expect(report.repacked).toBe(3);
  });

  it('leaves small files, PDFs, images, reports and incompressible bytes alone', () => {
    for (const rel of ['pagefind/pagefind-entry.json', 'robots.txt', 'search.wasm', 'handbook.pdf', 'icons/icon-192.png', 'build-report.json']) {
      expect(existsSync(file(`${rel}.br`)), `${rel}.br`).toBe(false);
      expect(existsSync(file(`${rel}.gz`)), `${rel}.gz`).toBe(false);
    }
    expect(report.skipped).toEqual({ precompressed: 0, small: 2, notSmaller: 1 });
  });

  it('removes stale copies and keeps other .gz files', () => {
    for (const rel of ['old/index.html.br', 'old/index.html.gz', 'pagefind/fragment/zh-cn_gone.pf_fragment.gz', 'robots.txt.br']) {
      expect(existsSync(file(rel)), rel).toBe(false);
    }
    expect(report.removed).toBe(4);
    expect(existsSync(file('downloads/data.tar.gz'))).toBe(true);
  });

  it('reports counts and bytes, overall and per kind, and logs them', () => {
    expect(report.files).toBe(10);
    expect(report.written).toEqual({ br: 10, gzip: 7 });
    expect(report.br).toBeLessThan(report.gzip);
    expect(report.gzip).toBeLessThan(report.bytes);
    expect(Object.keys(report.byKind)).toEqual(['css', 'html', 'js', 'other', 'pagefind']);
    expect(report.byKind.html).toMatchObject({ files: 2, bytes: 2 * Buffer.byteLength(page) });
    expect(report.byKind.pagefind).toMatchObject({ files: 4 });
    expect(logged.join('\n')).toMatch(/10 files precompressed: .* → br .*, gzip .*3 of Pagefind's gzip files also as \.br.*4 stale copies removed/);
  });

  it('a second run rewrites the same copies and removes nothing', async () => {
    const again = await compressDir(dist);
    expect(again.removed).toBe(0);
    expect(again.written).toEqual(report.written);
  });

  it('removes the copies of a file that is no longer worth compressing', async () => {
    writeFileSync(file('_astro/app.abc123.js'), 'export{}');
    const again = await compressDir(dist);
    expect(existsSync(file('_astro/app.abc123.js.br'))).toBe(false);
    expect(existsSync(file('_astro/app.abc123.js.gz'))).toBe(false);
    expect(again.removed).toBe(2);
  });
});

describe('what counts as compressible', () => {
  it('by extension, never PDFs, images or the build reports', () => {
    for (const rel of ['a/index.html', 'x.css', 'x.js', 'x.mjs', 'x.json', 'x.svg', 'x.xml', 'manifest.webmanifest', 'robots.txt', 'x.wasm',
      'pagefind/pagefind.zh-cn_1.pf_meta', 'pagefind/index/a.pf_index', 'pagefind/fragment/a.pf_fragment', 'pagefind/filter/a.pf_filter', 'pagefind/wasm.unknown.pagefind']) {
      expect(isCandidate(rel), rel).toBe(true);
    }
    for (const rel of ['handbook.pdf', 'icons/icon.png', 'x.jpg', 'x.woff2', 'build-report.json', 'pdf-report.json', '_headers', 'x.html.br', 'x.js.gz']) {
      expect(isCandidate(rel), rel).toBe(false);
    }
  });
  it('gzip and zstd are recognised by their first bytes', () => {
    expect(isCompressed(gzipSync('x'))).toBe(true);
    expect(isCompressed(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0]))).toBe(true);
    expect(isCompressed(Buffer.from('<!doctype html>'))).toBe(false);
    expect(isCompressed(Buffer.alloc(0))).toBe(false);
  });
});
