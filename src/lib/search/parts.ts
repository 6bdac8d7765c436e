/**
 * The search index in two parts: checklist pages apart from the rest.
 *
 * Each checklist is also printed inside its chapter, so the chapter is found by the words
 * of its items; the checklist's own page (/checklists/…/) matters only to a reader who
 * chose the kind 清单. Yet as pages of one index they doubled what every first search
 * downloads: Pagefind's pf_meta lists every page, and each filter file lists every page
 * again (at 1,000 chapters pf_meta 21 → 15 KB and the filter file 2.8 → 1.7 KB without them). So the
 * index step files checklist pages under a language of their own, a private-use subtag of
 * zh-CN (one Pagefind bundle, one WebAssembly, one pagefind.js; a pf_meta per part), and a
 * search loads the part its kind needs: 清单 → `checklists`, anything else → `pages`.
 *
 * What a reader notices: results for 全部 are chapters, policy records and guide pages
 * (a chapter's results link to its checklist's heading), and the 清单 chip shows its
 * count once chosen, when its part is loaded.
 */
import type { Kind } from './state.ts';

export type IndexPart = 'pages' | 'checklists';
export const INDEX_PARTS: readonly IndexPart[] = ['pages', 'checklists'];

/** The kind whose pages form the `checklists` part. */
export const CHECKLIST_KIND: Kind = '清单';

/**
 * Pagefind's language key of each part: the `lang` the index step gives each page (the
 * pages themselves keep `zh-CN`). Pagefind lower-cases it; `zh` makes it segment queries
 * as Chinese in both parts.
 */
export const INDEX_LANGUAGE: Record<IndexPart, string> = { pages: 'zh-cn', checklists: 'zh-cn-x-qingdan' };

/** The part holding pages of `kind` ('' = every kind but 清单). */
export function partOfKind(kind: string): IndexPart {
  return kind === CHECKLIST_KIND ? 'checklists' : 'pages';
}

/**
 * Creates the Pagefind instance of one part. pagefind.js (1.6) takes an instance's language
 * from `<html lang>` at the moment `createInstance` runs and overrides a `language` option
 * with it; so `root` (the page's <html>) carries the part's language for that one synchronous
 * call and gets its own back at once. The option is passed too, for a pagefind.js that
 * honours it. If neither worked, a search of 清单 would find nothing, and
 * tests/unit/search-quality.test.ts fails.
 */
export function createPartInstance<T>(
  create: (options: Record<string, unknown>) => T,
  part: IndexPart,
  options: Record<string, unknown>,
  root: { lang: string },
): T {
  const own = root.lang;
  root.lang = INDEX_LANGUAGE[part];
  try {
    return create({ ...options, language: INDEX_LANGUAGE[part] });
  } finally {
    root.lang = own;
  }
}
