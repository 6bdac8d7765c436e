/**
 * Index-time preparation of a built page before Pagefind reads it (pure functions; the
 * built files on disk are not changed). Used by search-index.ts, unit-tested in
 * tests/unit/search-prepare.test.ts.
 *
 * Why: Pagefind segments Chinese twice, differently. At index time its Rust indexer uses a
 * jieba dictionary; at search time pagefind.js splits the reader's query with the
 * browser's `Intl.Segmenter` (ICU). Where the two disagree a word is not found, or found
 * through unrelated prefixes (`多头发文` → ICU `多|头发|文`, jieba `多头|发文`). Pagefind
 * keeps a zero-width space (U+200B) as a word boundary and never joins across it, so
 * pre-splitting every run of Han characters with `Intl.Segmenter` — the same segmenter the
 * query goes through — makes both sides agree. Excerpts stay clean: Pagefind already
 * stores Chinese text zero-width-space delimited and joins it back without spaces.
 */

import { FACET, FILTER_TOPICS, KINDS, facetValue, splitFacet } from '../lib/search/state.ts';
import { joinForIndex } from '../lib/search/unindexed.ts';
import { INDEX_LANGUAGE, partOfKind } from '../lib/search/parts.ts';

export const ZWSP = '\u200b';
const HAN_RUN = /\p{Script=Han}+/gu;
/** Elements whose content is not markup text. */
const RAW_TEXT = /^<(script|style|textarea|template)\b/i;

/**
 * Re-splits each run of Han characters into words joined by ZWSP; the words the index leaves
 * out become marks (src/lib/search/unindexed.ts).
 */
export function chineseSegmenter(segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' })): (text: string) => string {
  return (text) =>
    text.replace(HAN_RUN, (run) => joinForIndex([...segmenter.segment(run)].map((s) => s.segment), ZWSP));
}

/**
 * Apply `fn` to every text node of an HTML document; tags, attribute values, comments and
 * raw-text elements (script, style, …) are copied unchanged.
 */
export function mapTextNodes(html: string, fn: (text: string) => string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out += fn(html.slice(i));
      break;
    }
    out += fn(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      const next = end === -1 ? html.length : end + 3;
      out += html.slice(lt, next);
      i = next;
      continue;
    }
    // Find the end of the tag, skipping `>` inside quoted attribute values.
    let j = lt + 1;
    let quote = '';
    for (; j < html.length; j++) {
      const c = html[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    const tag = html.slice(lt, j + 1);
    out += tag;
    i = j + 1;
    const raw = RAW_TEXT.exec(tag);
    if (raw) {
      const close = html.toLowerCase().indexOf(`</${raw[1].toLowerCase()}`, i);
      const end = close === -1 ? html.length : close;
      out += html.slice(i, end);
      i = end;
    }
  }
  return out;
}

const MULTI_PAIR_ATTR = /(<[a-zA-Z][^>]*?\s)data-pagefind-(filter|meta|sort)="([^"]*)"([^>]*>)/g;

/**
 * Pagefind reads one `key:value` per `data-pagefind-filter|meta|sort` attribute: in
 * `topic:会议, kind:章节` the key `topic` gets the value `会议, kind:章节`. Pages may still
 * list several pairs (it reads naturally); this keeps the first pair on the element and
 * moves each further pair to an empty element right after the tag.
 */
export function splitPagefindPairs(html: string): string {
  return html.replace(MULTI_PAIR_ATTR, (whole: string, before: string, kind: string, value: string, after: string) => {
    const pairs = value.split(/,\s*(?=[^,:\s"]+:)/);
    if (pairs.length < 2) return whole;
    const extra = pairs.slice(1).map((p) => `<span data-pagefind-${kind}="${p.trim()}"></span>`).join('');
    return `${before}data-pagefind-${kind}="${pairs[0].trim()}"${after}${extra}`;
  });
}

const TOPIC_OR_KIND = /\sdata-pagefind-filter="(topic|kind):([^"]*)"/g;

/**
 * A page's `topic:` and `kind:` filters become one `facet` filter (`会议|章节`; why:
 * src/lib/search/state.ts, FACET), on the element that carried the topic. Run after
 * splitPagefindPairs. A page with either must have exactly one of each, with values the
 * search page offers: anything else is a template's mistake, reported in Chinese.
 */
export function joinFacet(html: string): string {
  const found: Record<string, string[]> = { topic: [], kind: [] };
  for (const [, key, value] of html.matchAll(TOPIC_OR_KIND)) found[key].push(value.trim());
  const [topic, kind] = [found.topic, found.kind];
  if (topic.length === 0 && kind.length === 0) return html;
  if (topic.length !== 1 || kind.length !== 1) {
    throw new Error(`页面应有且只有一个 topic（专题）和一个 kind（类型）搜索筛选，现在是 topic ${topic.length} 个、kind ${kind.length} 个。请检查页面模板里的 data-pagefind-filter。`);
  }
  if (!FILTER_TOPICS.includes(topic[0])) throw new Error(`搜索筛选里的专题“${topic[0]}”不存在，应为其中之一：${FILTER_TOPICS.join('、')}。`);
  if (!(KINDS as readonly string[]).includes(kind[0])) throw new Error(`搜索筛选里的类型“${kind[0]}”不存在，应为其中之一：${KINDS.join('、')}。`);
  return html.replace(TOPIC_OR_KIND, (_whole: string, key: string) => (key === 'topic' ? ` data-pagefind-filter="${FACET}:${facetValue(topic[0], kind[0])}"` : ''));
}

const FACET_FILTER = new RegExp(`\\sdata-pagefind-filter="${FACET}:([^"]*)"`);
const HTML_TAG = /<html\b([^>]*)>/i;
const LANG_ATTRIBUTE = /\slang=("[^"]*"|'[^']*'|[^\s>]*)/i;

/**
 * Files a page under its part of the index (src/lib/search/parts.ts: checklist pages apart)
 * by the `lang` Pagefind reads, from its facet (run after joinFacet). Only the copy Pagefind
 * reads changes; the page keeps `zh-CN`. Text without an <html> tag is returned as it is.
 */
export function fileUnderPart(html: string): string {
  const value = FACET_FILTER.exec(html)?.[1];
  const language = INDEX_LANGUAGE[partOfKind((value && splitFacet(value)?.kind) ?? '')];
  return html.replace(HTML_TAG, (_whole: string, attributes: string) => `<html lang="${language}"${attributes.replace(LANG_ATTRIBUTE, '')}>`);
}

/** The attribute a page's template gives its place in reading order (ChapterLayout, checklist pages). */
const ORDER_ATTRIBUTE = /\sdata-hb-order="(\d+)"/;

/**
 * Pages in reading order, for the index: Pagefind numbers pages in the order they are
 * added and lists a search without words (browsing by filter) in that order, so adding
 * them in reading order gives the browse order without a Pagefind sort (a sort is a list
 * of every page in pf_meta, which every first search downloads: 4 kB at 1,000 chapters).
 * Checklist pages are numbered apart (they are a part of the index of their own, see
 * fileUnderPart). Pages without a place come after, by address.
 */
export function inReadingOrder<T extends { url: string; html: string }>(pages: readonly T[]): T[] {
  const place = (html: string): number => Number(ORDER_ATTRIBUTE.exec(html)?.[1] ?? Number.MAX_SAFE_INTEGER);
  return pages
    .map((page) => ({ page, order: place(page.html) }))
    .sort((a, b) => a.order - b.order || (a.page.url < b.page.url ? -1 : a.page.url > b.page.url ? 1 : 0))
    .map(({ page }) => page);
}

const LABEL_TAG = /<(\/?)label\b/gi;

/**
 * Pagefind drops the content of every `<label>` (and `<form>`) from its index. A checklist
 * item is a `<label>` around its checkbox and text, so without this the items — the most
 * concrete text in a chapter — could not be found. For the index only, labels become spans;
 * labels inside a form are still dropped with the form.
 */
export function indexLabels(html: string): string {
  return html.replace(LABEL_TAG, '<$1span');
}

const KEYWORDS_META = /(data-pagefind-meta="keywords:)([^"]*)"/g;

/**
 * The `keywords` metadata (tags, glossary terms) gets the same word boundaries as the text:
 * left to Pagefind's own dictionary, `大会变小会` was indexed in words the query's split
 * (`大会|变小|会`) never meets, so the reader's exact tag found nothing. Not shown to
 * readers, so the boundaries cost nothing.
 */
export function segmentKeywords(html: string, segment: (text: string) => string): string {
  return html.replace(KEYWORDS_META, (_whole: string, start: string, value: string) => `${start}${segment(value).replaceAll(ZWSP, ' ')}"`);
}

/** Everything the index needs done to one built page. */
export function preparePage(html: string, { segment }: { segment: (text: string) => string }): string {
  return mapTextNodes(segmentKeywords(fileUnderPart(joinFacet(splitPagefindPairs(indexLabels(html)))), segment), segment);
}
