/**
 * The files every first search needs before it can look anything up: Pagefind's entry, the
 * pf_meta of the part of the index it searches (./parts.ts) and the WebAssembly. pagefind.js
 * asks for them one after another (the entry names the others), three round trips on a phone
 * network before the index itself. Their names are known when the index is written, so the
 * search-index build step writes them into the /search/ page (replacing INDEX_PLACEHOLDER in
 * `data-pagefind-index`), and <hb-search> preloads those of the part it needs beside
 * pagefind.js once a search is wanted. Pure functions: used by the build step (Node) and the
 * page's script.
 */
import { INDEX_LANGUAGE, INDEX_PARTS, type IndexPart } from './parts.ts';

/** What Search.astro renders; the build step replaces it. Left in place: no preloading. */
export const INDEX_PLACEHOLDER = 'after-index';

/** Pagefind's pagefind-entry.json, as much of it as is read here. */
export interface PagefindEntry {
  languages: Record<string, { hash: string; wasm?: string | null }>;
}

const NAME = /^[\w-]+$/;
const HEX = /^[0-9a-f]+$/;

/**
 * `data-pagefind-index` for an index: `<hash> <wasm>` of its `pages` part, then
 * `checklists:<hash>` for the checklist part and `ready:<folder>` for the ready answers
 * (src/lib/search/ready.ts), each when there is one. Undefined without a `pages` part.
 */
export function indexAttribute(entry: PagefindEntry, ready = ''): string | undefined {
  const pages = entry.languages[INDEX_LANGUAGE.pages];
  if (!pages) return undefined;
  const checklists = entry.languages[INDEX_LANGUAGE.checklists];
  return [pages.hash, pages.wasm ?? 'unknown', checklists && `checklists:${checklists.hash}`, ready && `ready:${ready}`].filter(Boolean).join(' ');
}

export interface FirstFiles {
  /** Pagefind's `metaCacheTag`: makes the entry's address `pagefind-entry.json?ts=<tag>`. */
  cacheTag: string;
  /** Addresses to preload for a search in each part (fetch() requests of pagefind.js, in the same CORS mode). */
  urls: Record<IndexPart, string[]>;
  /** The folder of the ready answers, if the build wrote them. */
  ready?: string;
}

/** The files to preload, from `data-pagefind-index`; undefined when the build wrote none. */
export function firstFiles(attribute: string | undefined, base = '/pagefind/'): FirstFiles | undefined {
  const [hash, wasm, ...rest] = (attribute ?? '').split(' ');
  if (!hash || !wasm || attribute === INDEX_PLACEHOLDER || !NAME.test(hash) || !NAME.test(wasm)) return undefined;
  const named = new Map(rest.map((token) => [token.slice(0, token.indexOf(':')), token.slice(token.indexOf(':') + 1)]));
  const metas: Record<IndexPart, string | undefined> = { pages: hash, checklists: named.get('checklists') };
  const shared = [`${base}pagefind-entry.json?ts=${hash}`, `${base}wasm.${wasm}.pagefind`];
  const urls = {} as Record<IndexPart, string[]>;
  for (const part of INDEX_PARTS) {
    const meta = metas[part];
    urls[part] = meta && NAME.test(meta) ? [shared[0], `${base}pagefind.${meta}.pf_meta`, shared[1]] : shared;
  }
  const ready = named.get('ready');
  return { cacheTag: hash, urls, ...(ready && HEX.test(ready) ? { ready } : {}) };
}
