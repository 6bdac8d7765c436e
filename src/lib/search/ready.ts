/**
 * Ready answers: the first results of every term of the search vocabulary (tags, glossary
 * terms, topic names: `data-vocabulary` on the /search/ page), searched at build time with
 * the page's own pipeline over the built index (src/integrations/search-ready.ts).
 *
 * A reader who submits the header's search box on any page lands on `/search/?q=留痕`. For a
 * term of the vocabulary, with no filter chosen, the page then reads one small file (0.5–2.5
 * KB as sent) and shows the first results at once, instead of loading Pagefind first (its script,
 * WebAssembly and index: 60–100 KB and four round trips on a phone network). Pagefind loads
 * only when the reader wants more: 显示更多结果 runs the same search live and continues the
 * list where the answer stopped. A vocabulary term typed into the page's box reads its answer
 * too (Pagefind may be loaded by then, but the term's index chunks and result fragments are
 * not); a filter or a term outside the vocabulary searches live.
 *
 * The files sit in a folder named by a hash of all the answers (`/pagefind/ready/<hash>/<n>.json`,
 * n the term's place in `data-vocabulary`; the page learns the folder from
 * `data-pagefind-index`), so a page never reads another edition's answers and a server may
 * cache them for good.
 */
import { plainText, type PagefindData, type PagefindResult, type SearchOutcome } from './engine.ts';
import { shownSubResults } from './highlight.ts';

export interface ReadyAnswer {
  /** The term, as normalized and searched. */
  q: string;
  /** How many results the search found. */
  total: number;
  searched: string[];
  missing: string[];
  partial: boolean;
  unfilteredTotal: number;
  counts: Record<string, Record<string, number>>;
  /** The first results, with what the page renders of them. */
  first: { id: string; score: number; data: PagefindData }[];
}

/** Where the answer for the `n`-th term of the vocabulary lives, in the folder `folder` (a hash of the answers). */
export function readyUrl(folder: string, n: number, base = '/pagefind/'): string {
  return `${base}ready/${folder}/${n}.json`;
}

/** An excerpt's visible text: Pagefind's excerpts are escaped text with <mark> tags. */
function excerptText(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
  return plainText(html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name]));
}

/**
 * A result's data as the page renders it for the query's `units`: without the page's whole
 * text, and of its headings only the page-top part and those the result lists
 * (shownSubResults), their matches summed as the page sums them.
 */
export function renderedData(data: PagefindData, units: readonly string[]): PagefindData {
  const shown = new Set(shownSubResults(data.sub_results, units, excerptText));
  return {
    url: data.url,
    excerpt: data.excerpt,
    meta: { title: data.meta.title },
    filters: data.filters,
    sub_results: data.sub_results
      .filter((s) => !s.anchor || shown.has(s))
      .map((s) => ({
        title: s.title,
        url: s.url,
        excerpt: s.excerpt,
        ...(s.anchor ? { anchor: s.anchor } : {}),
        locations: s.locations.slice(0, 1),
        weighted_locations: [{ weight: 1, balanced_score: s.weighted_locations.reduce((sum, w) => sum + w.balanced_score, 0), location: s.locations[0] ?? 0 }],
      })),
  };
}

/** The answer to store for a finished search: its outcome and the data of its first `shown` results. */
export async function readyAnswer(q: string, outcome: SearchOutcome, shown: number): Promise<ReadyAnswer> {
  const first = await Promise.all(
    outcome.results.slice(0, shown).map(async (r) => ({ id: r.id, score: r.score, data: renderedData(await r.data(), outcome.searched) })),
  );
  return {
    q,
    total: outcome.results.length,
    searched: outcome.searched,
    missing: outcome.missing,
    partial: outcome.partial,
    unfilteredTotal: outcome.unfilteredTotal,
    counts: outcome.counts,
    first,
  };
}

/**
 * The outcome a stored answer stands for. Its first results are in the answer; asking for
 * any later one runs `live` (the same search through Pagefind) once and takes the result at
 * the same place. A failed live search is tried again at the next request.
 */
export function outcomeFromReady(answer: ReadyAnswer, live: () => Promise<SearchOutcome>): SearchOutcome {
  let running: Promise<SearchOutcome> | undefined;
  const later = (): Promise<SearchOutcome> =>
    (running ??= live().catch((error: unknown) => {
      running = undefined;
      throw error;
    }));
  const results = Array.from({ length: answer.total }, (_, i): PagefindResult => {
    const ready = answer.first[i];
    if (ready) return { id: ready.id, score: ready.score, data: async () => ready.data };
    return {
      id: `later-${i}`,
      score: 0,
      data: async () => {
        const result = (await later()).results[i];
        if (!result) throw new Error(`the live search has no result ${i + 1}`);
        return result.data();
      },
    };
  });
  const { searched, missing, partial, unfilteredTotal, counts } = answer;
  return { results, searched, missing, partial, unfilteredTotal, counts };
}
