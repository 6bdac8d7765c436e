/**
 * Reading a PDF made by Chromium back: page count and the page of each named destination.
 *
 * Chromium writes a named destination for every element id that a link in the document
 * points to; the table of contents links to each section, so the destinations say on
 * which page each section starts — exactly, by id, with no guessing from the text. They are
 * read with poppler's `pdfinfo -dests` (poppler-utils: the well-kept PDF tool the tests use
 * as well). Without poppler the PDFs are still made, but the contents carry no page numbers.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Parse `pdfinfo -dests` output: name → 1-based page. Names are our ASCII ids. */
export function parseDests(text: string): Map<string, number> {
  const dests = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$/.exec(line);
    if (m) dests.set(m[2], Number(m[1]));
  }
  return dests;
}

/** Page count from `pdfinfo` output. */
export function parsePages(text: string): number | undefined {
  const m = /^Pages:\s+(\d+)/m.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Page count of a PDF written by Chromium (Skia): its page objects are plain dictionaries. */
export function countPages(buffer: Buffer): number {
  const text = buffer.toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
}

/** Is `pdfinfo` on the PATH? */
export async function hasPdfinfo(): Promise<boolean> {
  try {
    await run('pdfinfo', ['-v']);
    return true;
  } catch (caught) {
    const error = caught as { code?: string; stderr?: unknown };
    // Some versions print the version to stderr and exit 99.
    return error?.code !== 'ENOENT' && typeof error?.stderr === 'string' && /pdfinfo/i.test(error.stderr);
  }
}

/** Pages and named destinations of a PDF held in memory. */
export async function readPdf(buffer: Buffer): Promise<{ pages: number; dests: Map<string, number> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hb-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  try {
    await writeFile(file, buffer);
    const [info, dests] = await Promise.all([
      run('pdfinfo', [file], { maxBuffer: 16 << 20 }),
      run('pdfinfo', ['-dests', file], { maxBuffer: 16 << 20 }),
    ]);
    return { pages: parsePages(info.stdout) ?? countPages(buffer), dests: parseDests(dests.stdout) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
