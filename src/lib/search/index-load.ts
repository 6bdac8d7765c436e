/**
 * Telling a search that could not finish from a word the handbook lacks.
 *
 * Pagefind (pagefind.js 1.6, `loadChunk` / `loadFilterChunk`) swallows a failed download of
 * an index or filter chunk and searches on as if that part of the index were empty: on a
 * flaky phone network, or in a tab left open across an update that deleted the old index
 * files (404), `陪会` would then be reported as missing from the handbook. Pagefind offers
 * no hook for its downloads, but it calls the global `fetch` each time, so watchFetches
 * counts the failed ones and guardLoads turns a search during which one failed into an
 * IndexLoadError. A fragment (a result's text) that fails already rejects `data()`; it is
 * reported the same way.
 */
import type { PagefindApi, PagefindResult } from './engine';

/** Part of the index could not be loaded: the outcome would be wrong, not merely short. */
export class IndexLoadError extends Error {
  override name = 'IndexLoadError';
}

let failed = 0;
let watching: ((url: string) => boolean) | undefined;

/**
 * Counts failed fetches (network error or HTTP error status) of URLs that `watch` accepts,
 * by wrapping the global `fetch` once; returns the counter. Other requests pass untouched.
 */
export function watchFetches(watch: (url: string) => boolean): () => number {
  if (!watching) {
    const fetchBefore = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!watching?.(url)) return fetchBefore(input, init);
      try {
        const response = await fetchBefore(input, init);
        if (!response.ok) failed++;
        return response;
      } catch (error) {
        failed++;
        throw error;
      }
    };
  }
  watching = watch;
  return () => failed;
}

function guardResult(result: PagefindResult): PagefindResult {
  return {
    ...result,
    data: () =>
      result.data().catch((error: unknown) => {
        throw new IndexLoadError('a result fragment did not load', { cause: error });
      }),
  };
}

/**
 * Pagefind whose `search` rejects with IndexLoadError when one of its downloads failed
 * meanwhile (counted by `failures`, see watchFetches), and whose results' `data()` does when
 * their fragment fails. Searches running at the same time share the blame: each is retried.
 */
export function guardLoads(pf: PagefindApi, failures: () => number): PagefindApi {
  return {
    options: (options) => pf.options(options),
    async search(term, options) {
      const before = failures();
      const response = await pf.search(term, options);
      if (failures() !== before) throw new IndexLoadError(`part of the search index did not load (searching ${JSON.stringify(term)})`);
      return response && { ...response, results: response.results.map(guardResult) };
    },
  };
}
