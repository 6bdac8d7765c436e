/**
 * The files every first search needs before it can look anything up: Pagefind's entry, its
 * pf_meta and its WebAssembly. pagefind.js asks for them one after another (the entry names
 * the others), three round trips on a phone network before the index itself. Their names
 * are known when the index is written, so the search-index build step writes them into the
 * /search/ page (replacing INDEX_PLACEHOLDER in `data-pagefind-index`), and <hb-search>
 * preloads all three beside pagefind.js once a search is wanted. Pure functions: used by the
 * build step (Node) and the page's script.
 */

/** What Search.astro renders; the build step replaces it. Left in place: no preloading. */
export const INDEX_PLACEHOLDER = 'after-index';

/** Pagefind's pagefind-entry.json, as much of it as is read here. */
export interface PagefindEntry {
  languages: Record<string, { hash: string; wasm?: string | null }>;
}

/**
 * `data-pagefind-index` for an index: `<hash> <wasm>` of its (only) language, then the folder
 * of the ready answers (src/lib/search/ready.ts) when there are any.
 */
export function indexAttribute(entry: PagefindEntry, ready = ''): string | undefined {
  const languages = Object.values(entry.languages);
  // One language (zh-cn) is the handbook's case; with several, pagefind.js chooses at run time.
  if (languages.length !== 1) return undefined;
  const [{ hash, wasm }] = languages;
  return [hash, wasm ?? 'unknown', ready].filter(Boolean).join(' ');
}

export interface FirstFiles {
  /** Pagefind's `metaCacheTag`: makes the entry's address `pagefind-entry.json?ts=<tag>`. */
  cacheTag: string;
  /** Addresses to preload (fetch() requests of pagefind.js, in the same CORS mode). */
  urls: string[];
  /** The folder of the ready answers, if the build wrote them. */
  ready?: string;
}

/** The files to preload, from `data-pagefind-index`; undefined when the build wrote none. */
export function firstFiles(attribute: string | undefined, base = '/pagefind/'): FirstFiles | undefined {
  const [hash, wasm, ready] = (attribute ?? '').split(' ');
  if (!hash || !wasm || attribute === INDEX_PLACEHOLDER || !/^[\w-]+$/.test(hash) || !/^[\w-]+$/.test(wasm)) return undefined;
  return {
    cacheTag: hash,
    urls: [`${base}pagefind-entry.json?ts=${hash}`, `${base}pagefind.${hash}.pf_meta`, `${base}wasm.${wasm}.pagefind`],
    ...(ready && /^[0-9a-f]+$/.test(ready) ? { ready } : {}),
  };
}
