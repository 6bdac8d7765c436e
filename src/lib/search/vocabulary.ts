/**
 * Search vocabulary, built at build time from the handbook itself:
 * - each page's keywords: its `tags` (editors list the words readers may search for) plus
 *   the glossary terms whose 相关章节 link to it. ChapterLayout puts them in the page's
 *   `keywords` metadata, which the search ranks highly (see RANKING in ./engine.ts).
 * - the vocabulary: all those terms and the topic names. The /search/ page ships it so the
 *   query can be cut at known terms (`视频会议分会场` → `视频会议`, `分会场`).
 * Pure functions over the handbook; no Astro APIs, so they are unit-tested directly.
 */
import { TOPICS } from '../topics.ts';

export interface GlossaryEntry {
  term: string;
  /** Site paths from the entry's “相关章节” line, e.g. `/meetings/attendance/`. */
  hrefs: string[];
}

/** Reads `### 术语` headings and their `相关章节：[…](/path/)` lines from the glossary's MDX. */
export function parseGlossary(mdx: string): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  let current: GlossaryEntry | undefined;
  for (const line of mdx.split('\n')) {
    const heading = /^###\s+(.+?)\s*$/.exec(line);
    if (heading) {
      current = { term: heading[1], hrefs: [] };
      entries.push(current);
      continue;
    }
    if (/^#{1,2}\s/.test(line)) current = undefined;
    if (current && line.startsWith('相关章节')) {
      for (const link of line.matchAll(/\]\((\/[^)#\s]*)(?:#[^)]*)?\)/g)) current.hrefs.push(link[1]);
    }
  }
  return entries;
}

/** Minimal view of a handbook page that the vocabulary needs. */
export interface VocabularyPage {
  href: string;
  tags?: readonly string[];
}

/** Keywords are one metadata string: no separators Pagefind would read as syntax. */
export function cleanKeyword(word: string): string {
  return word.replace(/[,:，：\s"]+/g, '').trim();
}

/** Keywords of one page: its tags, then glossary terms that point to it; unique, in that order. */
export function pageKeywords(page: VocabularyPage, glossary: readonly GlossaryEntry[]): string[] {
  const words = [...(page.tags ?? []), ...glossary.filter((g) => g.hrefs.includes(page.href)).map((g) => g.term)];
  return [...new Set(words.map(cleanKeyword).filter(Boolean))];
}

/** Every known term: tags, glossary terms and topic names, unique, longest first. */
export function searchVocabulary(pages: readonly VocabularyPage[], glossary: readonly GlossaryEntry[]): string[] {
  const words = new Set<string>();
  for (const topic of TOPICS) {
    words.add(topic.name);
    words.add(topic.shortName);
  }
  for (const page of pages) for (const tag of page.tags ?? []) words.add(cleanKeyword(tag));
  for (const entry of glossary) words.add(cleanKeyword(entry.term));
  words.delete('');
  return [...words].sort((a, b) => b.length - a.length || a.localeCompare(b, 'zh-CN'));
}
