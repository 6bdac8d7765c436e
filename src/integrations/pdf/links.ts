/**
 * The download links to the PDFs in the built HTML (src/components/print/PdfDownloads.astro
 * and the note on each print page). The site is built before the PDFs exist, so every
 * element marked `data-hb-pdf="<file>"` starts hidden; after the PDF step this shows the
 * ones whose PDF exists and writes “（1.2 MB，96 页）” into `data-hb-pdf-size="<file>"`.
 * Idempotent: the markers stay, so `npm run pdf` can run again (and hides a link whose
 * PDF has gone). Only our own markers are touched.
 */

import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface PdfInfo {
  bytes: number;
  pages?: number;
}

/** “850 KB”, “1.2 MB” (1024-based, as Windows and phones show file sizes). */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Text put in the size slot: “（1.2 MB，96 页）”. */
export function sizeLabel({ bytes, pages }: PdfInfo): string {
  return `（${formatSize(bytes)}${pages ? `，${pages} 页` : ''}）`;
}

const MARKED_TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*>/g;
const HIDDEN = /\shidden(?:\s*=\s*(?:""|''|"hidden"|'hidden'|hidden))?(?=[\s/>]|$)/;
const SIZE_SLOT = /(<span\b[^>]*\sdata-hb-pdf-size="([^"]+)"[^>]*>)([^<]*)(<\/span>)/g;

/**
 * Show or hide each download link and fill in its size. `pdfs`: the files made, by path
 * (e.g. `handouts/meetings.pdf`). Only links to files the calling step makes (`manages`:
 * PDFs by default; the Word step passes its own) are touched.
 */
export function applyPdfLinks(html: string, pdfs: ReadonlyMap<string, PdfInfo>, manages: (file: string) => boolean = (f) => f.endsWith('.pdf')): string {
  if (!html.includes('data-hb-pdf')) return html;
  const out = html.replace(MARKED_TAG, (tag: string, name: string, attrs: string) => {
    const m = /\sdata-hb-pdf="([^"]+)"/.exec(attrs);
    if (!m || !manages(m[1])) return tag;
    const visible = pdfs.has(m[1]);
    const hidden = HIDDEN.test(attrs);
    if (visible && hidden) return `<${name}${attrs.replace(HIDDEN, '')}>`;
    if (!visible && !hidden) return `<${name}${attrs} hidden>`;
    return tag;
  });
  return out.replace(SIZE_SLOT, (all: string, open: string, file: string, _text: string, close: string) => {
    if (!manages(file)) return all;
    const info = pdfs.get(file);
    return `${open}${info ? sizeLabel(info) : ''}${close}`;
  });
}

/** Applies applyPdfLinks to every built page; returns how many pages changed. */
export async function updateDownloadLinks(dist: string, made: ReadonlyMap<string, PdfInfo>, manages?: (file: string) => boolean): Promise<number> {
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));
  let changed = 0;
  for (const rel of files) {
    const file = path.join(dist, rel);
    const html = await readFile(file, 'utf8');
    const next = applyPdfLinks(html, made, manages);
    if (next !== html) {
      await writeFile(file, next);
      changed += 1;
    }
  }
  return changed;
}
