/**
 * What a first search costs, for every query of tests/search/queries.json (npm test builds
 * first): the site's own Pagefind runs in Node (tests/search/pagefind-node.ts) through the
 * /search/ page's pipeline, from a fresh instance each time, as a first search does: the
 * entry, pf_meta and WebAssembly, the filter files the page loads for its counts, the index
 * chunks the query touches and the fragments of the results the page renders first. Each file
 * is counted as nginx sends it with deploy/nginx.conf: its .br where the build wrote one.
 * Response headers are not files: tests/e2e/search.spec.ts measures whole transfers in a
 * browser for the heaviest queries. This is a search through Pagefind, as typed; a page that
 * opens with a vocabulary term reads the build's ready answer instead
 * (tests/unit/search-ready.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { servedSize } from '../../src/integrations/compress';
import { RESULTS_PER_STEP, runSearch } from '../../src/lib/search/engine';
import { normalizeQuery, pagefindFilters, type SearchState } from '../../src/lib/search/state';
import { builtSite, builtVocabulary, loadQueries } from '../search/evaluate';
import { loadPagefind, loadPagefindAsPage } from '../../src/integrations/pagefind-node';
import { UNINDEXED_WORDS } from '../../src/lib/search/unindexed';
import { partOfKind } from '../../src/lib/search/parts';

/** Bodies only; the browser test allows for the headers within 100 KB. */
const BUDGET = 95_000;

const dist = builtSite();
const sent = (file: string) => servedSize(dist, file);

describe('a first search, for every query of the set', () => {
  it(`fetches at most ${BUDGET / 1000} KB of Pagefind's files (bodies as nginx sends them)`, async () => {
    const vocabulary = await builtVocabulary(dist);
    const queries = [...new Map(loadQueries().map((q) => [JSON.stringify([q.q, q.topic, q.kind]), q])).values()];
    const costs: { q: string; bytes: number }[] = [];
    for (const query of queries) {
      const state: SearchState = { q: query.q, topics: query.topic ? [query.topic] : [], kind: (query.kind ?? '') as SearchState['kind'] };
      const { pf, fetched } = await loadPagefindAsPage(dist, partOfKind(state.kind));
      const { results } = await runSearch(pf, normalizeQuery(query.q), pagefindFilters(state), vocabulary);
      await Promise.all(results.slice(0, RESULTS_PER_STEP).map((r) => r.data()));
      // pagefind.js itself is imported, not fetched, in Node.
      const bytes = sent('pagefind/pagefind.js') + [...fetched.keys()].reduce((n, file) => n + sent(file), 0);
      costs.push({ q: query.q, bytes });
    }
    costs.sort((a, b) => a.bytes - b.bytes);
    const median = costs[Math.floor(costs.length / 2)].bytes;
    const max = costs[costs.length - 1];
    const summary = `${costs.length} queries: median ${median} B, max ${max.bytes} B (${max.q})`;
    console.log(`first search, Pagefind files as sent: ${summary}`);
    expect(costs.length).toBeGreaterThanOrEqual(40);
    expect(costs.filter((c) => c.bytes > BUDGET).map((c) => `${c.q}: ${c.bytes} B`), summary).toEqual([]);
  });
});

describe('的, 和 and the other grammar words, which the index leaves out (src/lib/search/unindexed.ts)', () => {
  const chunks = (fetched: Map<string, number>) => [...fetched.keys()].filter((file) => file.includes('/index/')).sort();

  it('are no words of the index, so a query holding them fetches nothing for them', async () => {
    const vocabulary = await builtVocabulary(dist);
    // Pagefind itself: no page holds any of them as a word (ICU words that start with one,
    // such as 的话 or 现在, are indexed as they are).
    const raw = await loadPagefind(dist);
    for (const word of UNINDEXED_WORDS) expect((await raw.pf.search(`"${word}"`))?.results.length, word).toBe(0);
    expect((await raw.pf.search('"的话"'))?.results.length).toBeGreaterThan(0);
    expect((await raw.pf.search('"现在"'))?.results.length).toBeGreaterThan(0);
    // The pipeline: a pasted heading with 的 or 和 fetches the same chunks as its other
    // words alone, and finds its page as a phrase.
    for (const [heading, words, url] of [
      ['手册的结构', '手册 结构', '/guide/preface/'],
      ['公众号和工作群怎么办', '公众号 工作群 怎么办', '/chat-groups/apps/'],
    ]) {
      const withThem = await loadPagefind(dist);
      const outcome = await runSearch(withThem.pf, heading, {}, vocabulary);
      expect(outcome.missing).toEqual([]);
      expect((await outcome.results[0].data()).url, heading).toBe(url);
      const without = await loadPagefind(dist);
      await runSearch(without.pf, words, {}, vocabulary);
      expect(chunks(withThem.fetched), heading).toEqual(chunks(without.fetched));
    }
  });
});

describe('checklist pages, a part of the index of their own (src/lib/search/parts.ts)', () => {
  const metas = (fetched: Map<string, number>) => [...fetched.keys()].filter((file) => file.endsWith('.pf_meta'));

  it('a search without 清单 never downloads their list, and lists no checklist page', async () => {
    const vocabulary = await builtVocabulary(dist);
    const { pf, fetched } = await loadPagefindAsPage(dist, partOfKind(''));
    const outcome = await runSearch(pf, '签到', pagefindFilters({ q: '签到', topics: [], kind: '' }), vocabulary);
    const urls = await Promise.all(outcome.results.map(async (r) => (await r.data()).url));
    // The chapter that prints the checklist is found by its items.
    expect(urls).toContain('/chat-groups/apps/');
    expect(urls.filter((url) => url.startsWith('/checklists/'))).toEqual([]);
    expect(metas(fetched)).toHaveLength(1);
    expect(metas(fetched)[0]).not.toContain('qingdan');
  });

  it('a search of 清单 downloads only theirs, finds them by their items and counts them per topic', async () => {
    const vocabulary = await builtVocabulary(dist);
    const state: SearchState = { q: '签到', topics: [], kind: '清单' };
    const { pf, fetched } = await loadPagefindAsPage(dist, partOfKind(state.kind));
    const outcome = await runSearch(pf, state.q, pagefindFilters(state), vocabulary);
    const urls = await Promise.all(outcome.results.map(async (r) => (await r.data()).url));
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((url) => url.startsWith('/checklists/')), urls.join(' ')).toBe(true);
    expect(urls).toContain('/checklists/chat-groups-apps-in-use/');
    expect(outcome.counts.kind).toEqual({ 清单: urls.length });
    expect(outcome.counts.topic?.['工作群与政务应用']).toBeGreaterThan(0);
    expect(metas(fetched)).toHaveLength(1);
    expect(metas(fetched)[0]).toContain('qingdan');
  });
});
