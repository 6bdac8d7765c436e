import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPdfLinks, formatSize, sizeLabel } from '../../src/integrations/pdf/links.ts';
import { countPages, parseDests, parsePages } from '../../src/integrations/pdf/dests.ts';
import { predictStarts, samePages } from '../../src/integrations/pdf/toc.ts';
import { resolveFile } from '../../src/integrations/static-server.ts';

const block =
  '<ul><li data-hb-pdf="handbook.pdf" hidden><a href="/handbook.pdf">整本手册 PDF<span data-hb-pdf-size="handbook.pdf"></span></a></li>' +
  '<li data-hb-pdf="handouts/meetings.pdf" hidden><a href="/handouts/meetings.pdf">会议培训讲义 PDF<span data-hb-pdf-size="handouts/meetings.pdf"></span></a></li></ul>';

describe('download links (applyPdfLinks)', () => {
  it('shows the links of PDFs that were made, with size and pages; others stay hidden', () => {
    const out = applyPdfLinks(block, new Map([['handbook.pdf', { bytes: 4_202_730, pages: 127 }]]));
    expect(out).toContain('<li data-hb-pdf="handbook.pdf"><a href="/handbook.pdf">整本手册 PDF<span data-hb-pdf-size="handbook.pdf">（4.0 MB，127 页）</span></a></li>');
    expect(out).toContain('<li data-hb-pdf="handouts/meetings.pdf" hidden>');
    expect(out).toContain('<span data-hb-pdf-size="handouts/meetings.pdf"></span>');
  });

  it('can run again: updates sizes, hides a link whose PDF is gone', () => {
    const once = applyPdfLinks(block, new Map([['handbook.pdf', { bytes: 900_000, pages: 10 }]]));
    const twice = applyPdfLinks(once, new Map([['handbook.pdf', { bytes: 2_000_000, pages: 20 }]]));
    expect(twice).toContain('（1.9 MB，20 页）');
    expect(twice).not.toContain('879 KB');
    expect(applyPdfLinks(twice, new Map())).toBe(block);
  });

  it('leaves pages without markers untouched', () => {
    const html = '<p hidden>data-hb-pdf is only text here</p>';
    expect(applyPdfLinks(html, new Map())).toBe(html);
  });

  it('formats sizes as phones and Windows show them', () => {
    expect(formatSize(300)).toBe('1 KB');
    expect(formatSize(512 * 1024)).toBe('512 KB');
    expect(formatSize(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(sizeLabel({ bytes: 2048 })).toBe('（2 KB）');
  });
});

describe('reading PDFs back', () => {
  it('parses pdfinfo -dests and page counts', () => {
    const dests = parseDests(
      'Page  Destination                 Name\n   2 [ XYZ    6  826 null      ] "p-guide-preface"\n  15 [ XYZ    6  826 null      ] "p-meetings"\n',
    );
    expect([...dests]).toEqual([['p-guide-preface', 2], ['p-meetings', 15]]);
    expect(parsePages('Tagged:          yes\nPages:           127\n')).toBe(127);
  });

  it('counts the page objects of a Chromium PDF', () => {
    const pdf = Buffer.from('1 0 obj <</Type /Pages /Count 2>> 2 0 obj <</Type /Page /Parent 1 0 R>> 3 0 obj <</Type/Page>>');
    expect(countPages(pdf)).toBe(2);
  });
});

describe('guessing handout page numbers from the handbook (predictStarts)', () => {
  const handbook = new Map([
    ['p-meetings', 15],
    ['p-meetings-overview', 16],
    ['p-meetings-necessity', 20],
    ['p-meetings-attendance', 24],
    ['p-documents', 28],
  ]);
  it('lays chapters out at their handbook lengths after cover and contents', () => {
    expect(predictStarts(['p-meetings-overview', 'p-meetings-necessity', 'p-meetings-attendance', 'discussion'], handbook, 3)).toEqual({
      'p-meetings-overview': 3,
      'p-meetings-necessity': 7,
      'p-meetings-attendance': 11,
      discussion: 15,
    });
  });
  it('gives up when a length is unknown', () => {
    expect(predictStarts(['p-documents', 'discussion'], handbook, 3)).toBeUndefined();
    expect(predictStarts(['unknown', 'p-meetings'], handbook, 3)).toBeUndefined();
  });
  it('compares page records', () => {
    expect(samePages(['a', 'b'], { a: 1, b: 2 }, { a: 1, b: 2, c: 3 })).toBe(true);
    expect(samePages(['a', 'b'], { a: 1, b: 3 }, { a: 1, b: 2 })).toBe(false);
    expect(samePages(['a'], undefined, { a: 1 })).toBe(false);
  });
});

describe('the PDF step without Chromium', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hb-pdf-test-'));
    await mkdir(path.join(dir, 'dist/print'), { recursive: true });
    await writeFile(path.join(dir, 'dist/index.html'), `<html><body>${block}</body></html>`);
    await writeFile(path.join(dir, 'dist/print/index.html'), '<html><head><meta name="hb-pdf" content="handbook.pdf"></head></html>');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps the build green, says how to get the PDFs, and leaves the links hidden', async () => {
    const run = spawnSync(process.execPath, ['scripts/pdf.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, HB_BUILD_DIR: dir, CHROMIUM_PATH: path.join(dir, 'no-chromium') },
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('PDFs not made: Chromium not found');
    expect(run.stderr).toContain('npm run pdf');
    expect(await readFile(path.join(dir, 'dist/index.html'), 'utf8')).toContain('<li data-hb-pdf="handbook.pdf" hidden>');
    const report = JSON.parse(await readFile(path.join(dir, 'dist/pdf-report.json'), 'utf8'));
    expect(report.skipped).toMatch(/Chromium not found/);
  });
});

describe('static server path resolution', () => {
  it('serves index.html for folders and never leaves the root', async () => {
    const root = path.resolve('src');
    expect(await resolveFile(root, '/pages/print/../print/index.astro')).toBe(path.join(root, 'pages/print/index.astro'));
    expect(await resolveFile(root, '/../package.json')).toBeUndefined();
    expect(await resolveFile(root, '/%2e%2e/package.json')).toBeUndefined();
    expect(await resolveFile(root, '/no-such-file')).toBeUndefined();
  });
});
