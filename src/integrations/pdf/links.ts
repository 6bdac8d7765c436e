/**
 * The download links to the PDFs in the built HTML (src/components/print/PdfDownloads.astro
 * and the note on each print page). The site is built before the PDFs exist, so every
 * element marked `data-hb-pdf="<file>"` starts hidden; after the PDF step this shows the
 * ones whose PDF exists and writes “（1.2 MB，96 页）” into `data-hb-pdf-size="<file>"`.
 * Idempotent: the markers stay, so `npm run pdf` can run again (and hides a link whose
 * PDF has gone). Only our own markers are touched.
 */

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
 * Show or hide each PDF link and fill in its size. `pdfs`: the PDFs made, by path
 * (e.g. `handouts/meetings.pdf`).
 */
export function applyPdfLinks(html: string, pdfs: ReadonlyMap<string, PdfInfo>): string {
  if (!html.includes('data-hb-pdf')) return html;
  const out = html.replace(MARKED_TAG, (tag: string, name: string, attrs: string) => {
    const m = /\sdata-hb-pdf="([^"]+)"/.exec(attrs);
    if (!m) return tag;
    const visible = pdfs.has(m[1]);
    const hidden = HIDDEN.test(attrs);
    if (visible && hidden) return `<${name}${attrs.replace(HIDDEN, '')}>`;
    if (!visible && !hidden) return `<${name}${attrs} hidden>`;
    return tag;
  });
  return out.replace(SIZE_SLOT, (_all: string, open: string, file: string, _text: string, close: string) => {
    const info = pdfs.get(file);
    return `${open}${info ? sizeLabel(info) : ''}${close}`;
  });
}
