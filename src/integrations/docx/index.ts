/**
 * Build step (steps.ts): each topic's participant handout as an editable Word file,
 * dist/handouts/<topic>.docx, for trainers who adapt it in WPS or Word. Made by pandoc
 * (Debian's, the well-kept converter for this) from the built handout page (html.ts cleans
 * it: checklists as tables of boxes, worksheets with lines), with a reference document whose
 * styles use CJK fonts (宋体 body, 黑体 headings, Chinese as the East Asian language).
 * Shows the “Word 版” download links of the files it made. Without pandoc the site is still
 * complete: the step says how to get the files and the links stay hidden.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { TOPICS } from '../../lib/topics.ts';
import { handoutDocx, handoutDoc } from '../../lib/print/files.ts';
import { updateDownloadLinks, type PdfInfo } from '../pdf/links.ts';
import type { StepContext } from '../steps.ts';
import { handoutForDocx } from './html.ts';

const run = promisify(execFile);
const isDocx = (file: string) => file.endsWith('.docx');

async function pandocVersion(): Promise<string | undefined> {
  try {
    return (await run('pandoc', ['--version'])).stdout.split('\n')[0];
  } catch {
    return undefined;
  }
}

/** The East Asian fonts of the Word styles: the body in 宋体, headings and titles in 黑体. */
export function cjkStyles(styles: string): string {
  const body = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman" />';
  let out = styles.replace(/(<w:rPrDefault>\s*<w:rPr>\s*)<w:rFonts[^>]*\/>/, `$1${body}`);
  out = out.replace(/<w:lang w:val="en-US" w:eastAsia="en-US"/, '<w:lang w:val="en-US" w:eastAsia="zh-CN"');
  // Headings and the title: 黑体 for Chinese, whatever the Latin theme font.
  out = out.replace(/(<w:style w:type="paragraph" w:styleId="(?:Heading\d|Title|Subtitle)">[\s\S]*?)(<\/w:style>)/g, (_style: string, start: string, end: string) => {
    const fonts = '<w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi" w:eastAsia="黑体" w:cstheme="majorBidi" />';
    if (/<w:rPr>/.test(start)) return start.replace(/<w:rPr>\s*(<w:rFonts[^>]*\/>)?/, `<w:rPr>${fonts}`) + end;
    return `${start}<w:rPr>${fonts}</w:rPr>${end}`;
  });
  return out;
}

/** pandoc's own reference document with CJK fonts in its styles. */
async function referenceDocx(dir: string): Promise<string> {
  const file = path.join(dir, 'reference.docx');
  await run('pandoc', ['-o', file, '--print-default-data-file', 'reference.docx']);
  const files = unzipSync(new Uint8Array(await readFile(file)));
  files['word/styles.xml'] = strToU8(cjkStyles(strFromU8(files['word/styles.xml'])));
  await writeFile(file, zipSync(files));
  return file;
}

export async function makeDocx({ dist, logger }: StepContext): Promise<void> {
  const started = performance.now();
  const version = await pandocVersion();
  if (!version) {
    logger.warn(
      'Word handouts not made: pandoc not found. The print pages and PDFs are complete. To make them: apt-get install -y pandoc, then npm run docx',
    );
    await updateDownloadLinks(dist, new Map(), isDocx);
    return;
  }
  const work = await mkdtemp(path.join(tmpdir(), 'hb-docx-'));
  const made = new Map<string, PdfInfo>();
  try {
    const reference = await referenceDocx(work);
    for (const topic of TOPICS) {
      const page = path.join(dist, handoutDoc(topic).route, 'index.html');
      if (!existsSync(page)) continue;
      const html = path.join(work, `${topic.slug}.html`);
      await writeFile(html, handoutForDocx(await readFile(page, 'utf8')));
      const { file } = handoutDocx(topic);
      const out = path.join(dist, file);
      await mkdir(path.dirname(out), { recursive: true });
      await run('pandoc', ['-f', 'html', '-t', 'docx', '--reference-doc', reference, '--metadata', 'lang=zh-CN', '-o', out, html]);
      made.set(file, { bytes: (await stat(out)).size });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const pages = await updateDownloadLinks(dist, made, isDocx);
  logger.info(`${made.size} Word handouts (${version}) in ${((performance.now() - started) / 1000).toFixed(1)} s; download links updated in ${pages} pages`);
}
