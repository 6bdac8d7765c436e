/**
 * The handbook's search vocabulary and page keywords (see ./vocabulary.ts), computed once
 * per build from the content collections. Read by ChapterLayout (keywords metadata) and
 * the /search/ page (vocabulary for query planning).
 */
import { getHandbook, type Page } from '../handbook';
import { pageKeywords, parseGlossary, searchVocabulary, type GlossaryEntry, type VocabularyPage } from './vocabulary';

/** Where the glossary lives; its 相关章节 lines map terms to chapters. */
export const GLOSSARY_HREF = '/guide/glossary/';

interface SiteSearchData {
  glossary: GlossaryEntry[];
  vocabulary: string[];
}

let cached: Promise<SiteSearchData> | undefined;

function vocabularyPage(page: Page): VocabularyPage {
  return { href: page.href, tags: 'tags' in page.entry.data ? page.entry.data.tags : [] };
}

async function load(): Promise<SiteSearchData> {
  const handbook = await getHandbook();
  const glossaryPage = handbook.pages.find((p) => p.href === GLOSSARY_HREF);
  // The national glossary and a local edition's terms (shown after it on the same page).
  const glossary = [glossaryPage?.entry.body ?? '', ...handbook.glossary.map((g) => g.body ?? '')].flatMap(parseGlossary);
  return { glossary, vocabulary: searchVocabulary(handbook.pages.map(vocabularyPage), glossary) };
}

export function getSiteSearchData(): Promise<SiteSearchData> {
  cached ??= load();
  return cached;
}

/** Keywords metadata for one page: its tags and the glossary terms that point to it. */
export async function keywordsFor(page: Page): Promise<string[]> {
  const { glossary } = await getSiteSearchData();
  return pageKeywords(vocabularyPage(page), glossary);
}
