/**
 * Slides for projection, made from the same rendered chapters as every other output: a
 * chapter's HTML becomes a chapter slide, a slide (or more) of key points per section, one
 * slide per checklist (split when long) and one per discussion question. Pure: HTML in,
 * slide model out (tests/unit/slides.test.ts); src/components/slides/ lays it out.
 *
 * Key points, not paragraphs: a list item's bold lead-in (“**通知一刀切。**”), else its first
 * sentence; a section with sub-headings gives the sub-headings; a section of prose gives
 * first sentences. Each point is cut to a short line. Slides are split by an estimate of the
 * lines they need at projection size (LINE_BUDGET); the PDF test checks nothing overflows.
 */
import { parse, type HTMLElement } from 'node-html-parser';

export type Slide =
  | { kind: 'title'; title: string; subtitle: string; lines: string[] }
  | { kind: 'chapter'; title: string; subtitle: string; label: string }
  | { kind: 'points'; title: string; chapter: string; points: string[]; continued: boolean }
  | { kind: 'checklist'; title: string; chapter: string; items: string[]; continued: boolean }
  | { kind: 'question'; title: string; chapter: string; question: string; number: number };

/** Characters per projected line (26 pt on a 16:9 slide, about 212 mm of text width). */
export const LINE_CHARS = 22;
/**
 * Body lines a slide holds under its title: about 248 pt of height at 26 pt × 1.45 line
 * height, less the space between items (ITEM_GAP of a line each), with a little to spare.
 */
export const LINE_BUDGET = 6.3;
/** The space after each item, in lines. */
export const ITEM_GAP = 0.25;
/** A key point is cut at about this many characters. */
export const POINT_CHARS = 40;
/** Sections that become key-point slides; the others have their own slide kinds or none. */
const POINT_SECTIONS = new Set(['问题表现', '规则与依据', '怎么做']);

const clean = (text: string) => text.replace(/\u200b/g, '').replace(/\s+/g, ' ').trim();

/** Width of a text in CJK character widths (Latin letters and digits count about half). */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u0000-\u00ff]/.test(ch) ? 0.55 : 1;
  return width;
}

/** Lines a text takes on a slide. */
export function linesFor(text: string, chars = LINE_CHARS): number {
  return Math.max(1, Math.ceil(textWidth(text) / chars));
}

/** The first sentence, cut to about `max` characters at a natural break. */
export function shortPoint(text: string, max = POINT_CHARS): string {
  let t = clean(text).replace(/^[-·•\d.、\s]+/, '');
  const end = t.search(/[。！？；]/);
  if (end !== -1) t = t.slice(0, end);
  t = t.replace(/[：:，,]$/, '');
  if (textWidth(t) <= max) return t;
  const chars = [...t];
  let cut = '';
  for (const ch of chars) {
    if (textWidth(cut + ch) > max - 1) break;
    cut += ch;
  }
  const comma = Math.max(cut.lastIndexOf('，'), cut.lastIndexOf('、'));
  return `${comma > max / 2 ? cut.slice(0, comma) : cut}…`;
}

function greedy(items: readonly string[], budget: number, chars: number): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  let used = 0;
  for (const item of items) {
    const need = linesFor(item, chars) + ITEM_GAP;
    if (page.length && used + need > budget) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += need;
  }
  if (page.length) pages.push(page);
  return pages;
}

/**
 * Split items into as few slides as the budget allows (estimated lines and the gaps between
 * items), then even them out: nine items become five and four, not eight and one.
 */
export function paginate(items: readonly string[], budget = LINE_BUDGET, chars = LINE_CHARS): string[][] {
  const pages = greedy(items, budget, chars);
  if (pages.length < 2) return pages;
  const total = items.reduce((n, item) => n + linesFor(item, chars) + ITEM_GAP, 0);
  for (let b = total / pages.length; b < budget; b += 0.25) {
    const even = greedy(items, b, chars);
    if (even.length === pages.length) return even;
  }
  return pages;
}

/** The key points of a section (the nodes between its h2 and the next one). */
export function keyPoints(nodes: HTMLElement[]): string[] {
  const points: string[] = [];
  const subheads = nodes.filter((n) => n.tagName === 'H3');
  const lead = nodes.find((n) => n.tagName === 'P' && !n.classList.contains('hb-meta'));
  if (subheads.length) {
    if (lead) points.push(shortPoint(lead.text));
    for (const h of subheads) points.push(shortPoint(h.text));
    return unique(points);
  }
  for (const node of nodes) {
    if (node.tagName === 'UL' || node.tagName === 'OL') {
      for (const li of node.childNodes.filter((c): c is HTMLElement => (c as HTMLElement).tagName === 'LI')) {
        const strong = li.childNodes.find((c): c is HTMLElement => (c as HTMLElement).tagName === 'STRONG');
        const text = strong && li.text.trim().startsWith(strong.text.trim()) ? strong.text : li.text;
        points.push(shortPoint(text));
      }
    } else if (node.tagName === 'P' && !node.classList.contains('hb-meta')) {
      points.push(shortPoint(node.text));
    }
  }
  return unique(points).slice(0, 12);
}

function unique(points: string[]): string[] {
  return [...new Set(points.filter((p) => p.length > 1))];
}

/** The slides of one chapter from its rendered HTML (reader components: no trainer notes). */
export function chapterSlides(html: string, chapter: { title: string; description: string; label: string }): Slide[] {
  const root = parse(html);
  const slides: Slide[] = [{ kind: 'chapter', title: chapter.title, subtitle: chapter.description, label: chapter.label }];
  // Top-level nodes, grouped by the h2 that starts each section.
  const sections: { title: string; nodes: HTMLElement[] }[] = [];
  for (const node of root.childNodes) {
    const el = node as HTMLElement;
    if (!el.tagName) continue;
    if (el.tagName === 'H2') sections.push({ title: clean(el.text), nodes: [] });
    else sections.at(-1)?.nodes.push(el);
  }
  for (const section of sections) {
    if (POINT_SECTIONS.has(section.title)) {
      const points = keyPoints(section.nodes);
      paginate(points).forEach((page, i) => slides.push({ kind: 'points', title: section.title, chapter: chapter.title, points: page, continued: i > 0 }));
    } else if (section.title === '清单') {
      for (const list of section.nodes.flatMap((n) => (n.tagName === 'HB-CHECKLIST' ? [n] : n.querySelectorAll('hb-checklist')))) {
        const title = clean(list.querySelector('.hb-checklist__title')?.text ?? '清单');
        const items = list.querySelectorAll('.hb-checklist__items li').map((li) => clean(li.text));
        // Checklist items are set at 24 pt: a few more characters to a line.
        paginate(items, LINE_BUDGET, LINE_CHARS + 2).forEach((page, i) => slides.push({ kind: 'checklist', title, chapter: chapter.title, items: page, continued: i > 0 }));
      }
    } else if (section.title === '培训讨论') {
      const list = section.nodes.find((n) => n.tagName === 'OL' || n.tagName === 'UL');
      const questions = list?.childNodes.filter((c): c is HTMLElement => (c as HTMLElement).tagName === 'LI') ?? [];
      questions.forEach((li, i) => slides.push({ kind: 'question', title: '讨论', chapter: chapter.title, question: clean(li.text), number: i + 1 }));
    }
  }
  return slides;
}
