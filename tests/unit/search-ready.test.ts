/**
 * The search's ready answers (src/lib/search/ready.ts), on the build (npm test builds first):
 * one for every term of the /search/ page's vocabulary, where the page looks for it, equal
 * to what the live search shows first, and small. And the outcome a page makes of one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { servedSize } from '../../src/integrations/compress';
import { loadPagefindAsPage } from '../../src/integrations/pagefind-node';
import { pageVocabulary } from '../../src/integrations/search-ready';
import { RESULTS_PER_STEP, plainText, runSearch, type PagefindData, type SearchOutcome } from '../../src/lib/search/engine';
import { firstFiles } from '../../src/lib/search/first-files';
import { shownSubResults } from '../../src/lib/search/highlight';
import { outcomeFromReady, readyUrl, type ReadyAnswer } from '../../src/lib/search/ready';
import { builtSite } from '../search/evaluate';

const dist = builtSite();
/** An answer as nginx sends it (its .br), at most. */
const BUDGET = 3_000;

const headings = (data: PagefindData, units: string[]) =>
  shownSubResults(data.sub_results, units, (html) => plainText(html.replace(/<[^>]*>/g, ''))).map((s) => plainText(s.title));

describe('ready answers in the build', () => {
  it('answer every vocabulary term as the live search does, each within 3 KB as sent', async () => {
    const html = readFileSync(path.join(dist, 'search', 'index.html'), 'utf8');
    const terms = pageVocabulary(html);
    const folder = firstFiles(/data-pagefind-index="([^"]*)"/.exec(html)?.[1])?.ready;
    expect(terms.length).toBeGreaterThan(100);
    expect(folder).toBeTruthy();
    const { pf } = await loadPagefindAsPage(dist);
    const vocabulary = new Set(terms);
    const problems: string[] = [];
    for (const [n, term] of terms.entries()) {
      const file = readyUrl(folder!, n).slice(1);
      const answer = JSON.parse(readFileSync(path.join(dist, file), 'utf8')) as ReadyAnswer;
      const live = await runSearch(pf, term, {}, vocabulary);
      const liveFirst = await Promise.all(live.results.slice(0, RESULTS_PER_STEP).map((r) => r.data()));
      const same =
        answer.q === term &&
        answer.total === live.results.length &&
        JSON.stringify(answer.counts) === JSON.stringify(live.counts) &&
        JSON.stringify(answer.first.map((r) => [r.data.url, headings(r.data, answer.searched)])) ===
          JSON.stringify(liveFirst.map((d) => [d.url, headings(d, live.searched)]));
      if (!same) problems.push(`${term}: the answer differs from the live search`);
      const sent = servedSize(dist, file);
      if (sent > BUDGET) problems.push(`${term}: ${sent} B as sent`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the outcome of a ready answer', () => {
  const data = (url: string): PagefindData => ({ url, excerpt: '', meta: { title: url }, filters: {}, sub_results: [] });
  const answer: ReadyAnswer = {
    q: '留痕',
    total: 5,
    searched: ['留痕'],
    missing: [],
    partial: false,
    unfilteredTotal: 5,
    counts: { topic: { 考核: 5 } },
    first: ['/a/', '/b/', '/c/'].map((url, i) => ({ id: url, score: 3 - i, data: data(url) })),
  };
  const liveOutcome = (): SearchOutcome => ({
    ...answer,
    results: ['/a/', '/b/', '/c/', '/d/', '/e/'].map((url) => ({ id: url, score: 1, data: async () => data(url) })),
  });

  it('gives its first results without searching, and later ones from one live search', async () => {
    let searches = 0;
    const outcome = outcomeFromReady(answer, async () => {
      searches++;
      return liveOutcome();
    });
    expect(outcome.results).toHaveLength(5);
    expect((await Promise.all(outcome.results.slice(0, 3).map((r) => r.data()))).map((d) => d.url)).toEqual(['/a/', '/b/', '/c/']);
    expect(searches).toBe(0);
    expect((await Promise.all(outcome.results.slice(3).map((r) => r.data()))).map((d) => d.url)).toEqual(['/d/', '/e/']);
    expect(searches).toBe(1);
  });

  it('tries the live search again after it failed', async () => {
    let attempts = 0;
    const outcome = outcomeFromReady(answer, async () => {
      attempts++;
      if (attempts === 1) throw new Error('offline');
      return liveOutcome();
    });
    await expect(outcome.results[3].data()).rejects.toThrow('offline');
    expect((await outcome.results[3].data()).url).toBe('/d/');
    expect(attempts).toBe(2);
  });
});
