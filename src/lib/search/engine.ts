/**
 * The search pipeline on top of Pagefind's JS API, shared by the /search/ page (through
 * <hb-search>) and by the quality evaluation (tests/search/evaluate.ts), so the measured
 * numbers are the reader's numbers. No DOM here.
 *
 * Pagefind alone, on Chinese, has three weak spots (tests/search/queries.json measures them):
 * - it splits unknown words into characters and then prefix-matches each one, so `陪会`
 *   ranks the chapter full of `陪同` first;
 * - several words are ANDed: one word absent from the handbook (`钉钉`) empties the result
 *   list, or is replaced by a shorter prefix (`直播` → pages containing `直…`);
 * - the index and the query are segmented by different dictionaries (fixed at index time,
 *   see scripts/search-prepare.mjs).
 * The pipeline:
 * 1. cut the query into units at spaces and at known terms (the handbook's vocabulary);
 * 2. check each unit as an exact phrase; a unit the handbook lacks is split into words and
 *    each word checked; words found nowhere are left out and reported (`missing`);
 * 3. search the remaining units together (AND, as Pagefind does); if no page has them all,
 *    search each unit alone and merge (OR fallback, `partial`);
 * 4. rank with Pagefind's BM25 plus a strong weight on the `keywords` metadata, a stronger
 *    penalty on prefix-only matches, and a boost for pages holding a unit as an exact
 *    phrase (also two adjacent units that together form a known term: `合并 会议`).
 * Around it: a query in traditional characters that finds nothing as typed is searched again
 * in simplified ones (`會議` → `会议`, see ./simplify.ts); without `Intl.Segmenter` the index
 * itself serves as the dictionary (indexWordSegmenter); and a file of the index that fails
 * to load fails the search (./index-load.ts) instead of looking like a word the handbook lacks.
 */

import { filterCounts } from './state.ts';
import { isUnindexed, restoreUnindexed } from './unindexed.ts';

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { element: string; id: string; text: string; location: number };
  weighted_locations: { weight: number; balanced_score: number; location: number }[];
  locations: number[];
}

export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface SearchOptions {
  filters?: Record<string, unknown>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** The part of Pagefind's JS API (pagefind.js `createInstance`) the pipeline uses. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<PagefindResponse | null>;
}

/**
 * Ranking weights (Pagefind `ranking` option). termSimilarity: matches on a longer word
 * that merely starts with the query word (陪 → 陪同) count much less. metaWeights: a
 * page whose keywords (tags, glossary terms) hold the query ranks above pages that merely
 * mention it. pageLength, termSaturation, termFrequency (Pagefind's BM25 knobs, below their
 * defaults): a short page that repeats a word — a policy record's summary — no longer
 * outranks the long chapter that explains the matter. Chosen with tests/search/evaluate.ts;
 * see README “Search”.
 */
export const RANKING = { termSimilarity: 6, pageLength: 0.5, termSaturation: 2.0, termFrequency: 0.5, metaWeights: { title: 5, keywords: 10 } };
/** Pagefind's options on the /search/ page; the build's ready answers and the cost tests search with the same. */
export const PAGE_OPTIONS = { ranking: RANKING, excerptLength: 40 };
/**
 * Results the /search/ page renders per step; each needs one fragment (a whole chapter's
 * text, ~5 KB with Brotli) from the index. A phone shows the first two under the search
 * form, three fill about a screen and a half; each one more costs a first search ~5 KB and
 * its excerpt work before the results show (budget ≤ 100 KB: tests/unit/search-cost.test.ts,
 * tests/e2e/search.spec.ts). 显示更多结果 loads the next three.
 */
export const RESULTS_PER_STEP = 3;
/** Score multiplier for a page that contains a query unit as an exact phrase. */
export const PHRASE_BOOST = 2;

/** Switches for the quality evaluation's comparisons; the site uses the defaults. */
export interface Tuning {
  /** Steps 1–3 of the pipeline; off: the query goes to Pagefind as typed. */
  planQuery: boolean;
  phraseBoost: number;
}
export const DEFAULT_TUNING: Tuning = { planQuery: true, phraseBoost: PHRASE_BOOST };

/** Splits a run of text into words (Chinese has no spaces); may consult the index. */
export type WordSegmenter = (text: string) => string[] | Promise<string[]>;
/** Traditional → simplified characters (see ./simplify.ts, loaded only when needed). */
export type Simplifier = (text: string) => string;

export interface PipelineOptions {
  /** Word segmenter for query units; default: the browser's, or indexWordSegmenter without one. */
  segment?: WordSegmenter;
  tuning?: Tuning;
  /** Loads the traditional → simplified converter; without it queries are searched as typed. */
  loadSimplifier?: () => Promise<Simplifier>;
}

export interface SearchOutcome {
  /** Ranked results; call `data()` only for those shown. */
  results: PagefindResult[];
  /** Units actually searched for. */
  searched: string[];
  /** Typed words the handbook does not contain; left out of the search. */
  missing: string[];
  /** No page has every unit: results hold some of them (OR fallback). */
  partial: boolean;
  /** Results for this query ignoring topic and kind filters. */
  unfilteredTotal: number;
  /** Result counts per filter value (`topic`, `kind`, `origin`) for this query, ignoring the chosen filters. */
  counts: Record<string, Record<string, number>>;
  /** The query as searched, when it was typed in traditional characters (陪會 → 陪会). */
  simplified?: string;
}

/** A segmenter for query words, using the same ICU data as Pagefind's own query split. */
export function intlWordSegmenter(locale = 'zh-CN'): (text: string) => string[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  return (text) => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** Whether this browser has `Intl.Segmenter` (Firefox before 125 and Safari before 14.1 do not). */
export function hasIntlSegmenter(): boolean {
  return typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function';
}

/** Longest word the index-guided segmenter tries; the index's words are ICU's, mostly 2–4 characters. */
const MAX_WORD = 4;
const HAN = /\p{Script=Han}/u;
const HAN_RUNS = /(\p{Script=Han}+)/u;

/**
 * Without `Intl.Segmenter` Pagefind cannot split a Chinese query at all: `减轻基层负担`
 * stays one word, which no index word starts with. The index itself then serves as the
 * dictionary: at each position the longest run of up to four characters that the index
 * holds as a word (an exact search for it finds a page), else one character. The index
 * was split by ICU (src/integrations/search-prepare.ts), so this mostly finds ICU's words.
 */
export function indexWordSegmenter(pf: PagefindApi): WordSegmenter {
  const known = new Map<string, Promise<boolean>>();
  const isWord = (word: string): Promise<boolean> => {
    let found = known.get(word);
    if (!found) {
      found = pf.search(`"${word}"`).then((r) => (r?.results.length ?? 0) > 0);
      known.set(word, found);
    }
    return found;
  };
  return async (text) => {
    const words: string[] = [];
    for (const part of text.split(HAN_RUNS)) {
      if (!HAN.test(part)) {
        words.push(...part.split(/[\s\p{P}\p{S}]+/u).filter(Boolean));
        continue;
      }
      const chars = [...part];
      let i = 0;
      while (i < chars.length) {
        let length = 1;
        for (let len = Math.min(MAX_WORD, chars.length - i); len >= 2; len--) {
          if (await isWord(chars.slice(i, i + len).join(''))) {
            length = len;
            break;
          }
        }
        words.push(chars.slice(i, i + length).join(''));
        i += length;
      }
    }
    return words;
  };
}

/** The words of `text` that the index holds: segmented, without those it leaves out (./unindexed.ts). */
async function indexedWords(text: string, segment: WordSegmenter): Promise<string[]> {
  return (await segment(text)).filter((word) => !isUnindexed(word));
}

const NOTHING: PagefindResponse = { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} };

/**
 * Pagefind as this pipeline calls it: every term is split into words here (with `segment`)
 * and handed over with spaces, the one boundary Pagefind keeps whatever the browser. The
 * words the index leaves out (的, 在, 和, …) are dropped, so Pagefind never looks for a word it
 * cannot find (a phrase across one is checked in parts: pageProbe).
 */
export function spacedTerms(pf: PagefindApi, segment: WordSegmenter): PagefindApi {
  const spaced = async (term: string): Promise<string> => {
    const exact = /^"(.*)"$/.exec(term);
    const words: string[] = [];
    for (const chunk of (exact ? exact[1] : term).split(/\s+/).filter(Boolean)) words.push(...(await indexedWords(chunk, segment)));
    return exact && words.length ? `"${words.join(' ')}"` : words.join(' ');
  };
  return {
    options: (options) => pf.options(options),
    search: async (term, options) => {
      if (term === null) return pf.search(null, options);
      const words = await spaced(term);
      return words ? pf.search(words, options) : NOTHING;
    },
  };
}

/**
 * Cuts a normalized query into units: at spaces and punctuation (a pasted heading
 * `领导干部：讲短话、讲实话` is three units, not a unit `、讲实话` the index cannot hold),
 * then at the longest known term at each position (forward maximum matching); text between
 * known terms stays one unit.
 */
export function splitUnits(q: string, vocabulary: ReadonlySet<string>): string[] {
  let longest = 0;
  for (const word of vocabulary) longest = Math.max(longest, word.length);
  const units: string[] = [];
  for (const chunk of q.split(/[\s\p{P}\p{S}]+/u).filter(Boolean)) {
    let pending = '';
    let i = 0;
    while (i < chunk.length) {
      let match = '';
      for (let len = Math.min(longest, chunk.length - i); len >= 2; len--) {
        const candidate = chunk.slice(i, i + len);
        if (vocabulary.has(candidate)) {
          match = candidate;
          break;
        }
      }
      if (match) {
        if (pending) units.push(pending);
        pending = '';
        units.push(match);
        i += match.length;
      } else {
        pending += chunk[i];
        i += 1;
      }
    }
    if (pending) units.push(pending);
  }
  return [...new Set(units)];
}

/**
 * Which pages contain `unit`: as an exact phrase, or for a single character, as the start
 * of a word (Pagefind prefix-matches: 打 → 打卡). A word the index leaves out (的, 在, 和, …)
 * leaves a gap in it (./unindexed.ts), so the unit is checked as its parts around each such word, every part
 * on the same page. Unfiltered; cached per query.
 */
type Probe = (unit: string) => Promise<Set<string>>;

function pageProbe(pf: PagefindApi, segment: WordSegmenter): Probe {
  const cache = new Map<string, Promise<Set<string>>>();
  const pages = async (words: string[]): Promise<Set<string>> => {
    const term = words.length === 1 && [...words[0]].length < 2 ? words[0] : `"${words.join(' ')}"`;
    return new Set(((await pf.search(term))?.results ?? []).map((x) => x.id));
  };
  const probe = async (unit: string): Promise<Set<string>> => {
    const parts: string[][] = [[]];
    for (const word of await segment(unit)) {
      if (isUnindexed(word)) parts.push([]);
      else parts[parts.length - 1].push(word);
    }
    const found = await Promise.all(parts.filter((part) => part.length).map(pages));
    if (!found.length) return new Set();
    return found.reduce((all, next) => new Set([...all].filter((id) => next.has(id))));
  };
  return (unit) => {
    let found = cache.get(unit);
    if (!found) {
      found = probe(unit);
      cache.set(unit, found);
    }
    return found;
  };
}

interface Plan {
  searched: string[];
  missing: string[];
  /** Pages holding each multi-character unit as an exact phrase. */
  phrasePages: Set<string>[];
}

/** Steps 1–2: units, each checked in the index; unknown units split into words and re-checked. */
export async function planQuery(q: string, vocabulary: ReadonlySet<string>, probe: Probe, segment: WordSegmenter): Promise<Plan> {
  const plan: Plan = { searched: [], missing: [], phrasePages: [] };
  /** Adds `unit` if the index has it; returns whether it did. */
  const known = async (unit: string): Promise<boolean> => {
    const pages = await probe(unit);
    if (pages.size === 0) return false;
    plan.searched.push(unit);
    if ([...unit].length > 1) plan.phrasePages.push(pages);
    return true;
  };
  const units = splitUnits(q, vocabulary);
  for (const unit of units) {
    const words = await indexedWords(unit, segment);
    // Only words the index leaves out (the 的 or 和 of a pasted heading): nothing to search, nothing missing.
    if (words.length === 0 && (await segment(unit)).length > 0) continue;
    if (await known(unit)) continue;
    // Not in the handbook as written: keep those of its words that are (减轻基层负担 →
    // 基层, 负担). Single characters count only beside such a word: 钉钉 is not 钉.
    const found: string[] = [];
    const absent: string[] = [];
    if (words.length > 1) {
      for (const word of words) if ([...word].length > 1) ((await known(word)) ? found : absent).push(word);
      if (found.length) for (const word of words) if ([...word].length === 1) await known(word);
    }
    plan.missing.push(...(found.length ? absent : [unit]));
  }
  // Two adjacent units that form a known term (合并 + 会议 = 合并会议) also count as a phrase.
  for (let i = 0; i + 1 < units.length; i++) {
    const joined = units[i] + units[i + 1];
    if (vocabulary.has(joined)) {
      const pages = await probe(joined);
      if (pages.size) plan.phrasePages.push(pages);
    }
  }
  plan.searched = [...new Set(plan.searched)];
  plan.missing = [...new Set(plan.missing)];
  return plan;
}

/**
 * Runs a search for the query `q` (already normalized, see ./state.ts) with filters. A query
 * with a word the handbook lacks, or that finds nothing in any topic, and whose characters
 * change in simplified Chinese, is searched again simplified (`simplified` says so). The
 * converter is loaded only then, so a query whose words are all found never fetches it.
 */
export async function runSearch(
  pf: PagefindApi,
  q: string,
  filters: Record<string, unknown>,
  vocabulary: ReadonlySet<string>,
  options: PipelineOptions = {},
): Promise<SearchOutcome> {
  const segment = options.segment ?? (hasIntlSegmenter() ? intlWordSegmenter() : indexWordSegmenter(pf));
  const api = spacedTerms(pf, segment);
  const tuning = options.tuning ?? DEFAULT_TUNING;
  const outcome = await searchAsTyped(api, q, filters, vocabulary, segment, tuning);
  // Every word found somewhere (filters aside): nothing to convert.
  if (!options.loadSimplifier || !HAN.test(q) || (outcome.unfilteredTotal > 0 && !outcome.missing.length)) return outcome;
  const simplified = (await options.loadSimplifier())(q);
  if (simplified === q) return outcome;
  return { ...(await searchAsTyped(api, simplified, filters, vocabulary, segment, tuning)), simplified };
}

async function searchAsTyped(
  pf: PagefindApi,
  q: string,
  filters: Record<string, unknown>,
  vocabulary: ReadonlySet<string>,
  segment: WordSegmenter,
  tuning: Tuning,
): Promise<SearchOutcome> {
  const outcome: SearchOutcome = { results: [], searched: [], missing: [], partial: false, unfilteredTotal: 0, counts: {} };
  if (!q) {
    // Browsing by filter alone: every page, in reading order (the order the index step added
    // them in: src/integrations/search-prepare.ts, inReadingOrder).
    const browse = await pf.search(null, { filters });
    outcome.results = browse?.results ?? [];
    outcome.unfilteredTotal = browse?.unfilteredResultCount ?? 0;
    outcome.counts = filterCounts(browse?.totalFilters ?? {});
    return outcome;
  }
  const plan = tuning.planQuery
    ? await planQuery(q, vocabulary, pageProbe(pf, segment), segment)
    : { searched: [q], missing: [], phrasePages: [] };
  outcome.searched = plan.searched;
  outcome.missing = plan.missing;
  if (plan.searched.length === 0) return outcome;

  const main = await pf.search(plan.searched.join(' '), { filters });
  outcome.unfilteredTotal = main?.unfilteredResultCount ?? 0;
  outcome.counts = filterCounts(main?.totalFilters ?? {});
  const scores = new Map<string, number>();
  const byId = new Map<string, PagefindResult>();
  for (const r of main?.results ?? []) {
    scores.set(r.id, r.score);
    byId.set(r.id, r);
  }
  if (scores.size === 0 && plan.searched.length > 1 && tuning.planQuery) {
    // OR fallback: no page has every unit. Each unit's best page scores 1; sums rank pages
    // that hold more of the units higher.
    outcome.partial = true;
    for (const unit of plan.searched) {
      const alone = await pf.search(unit, { filters });
      const best = alone?.results[0]?.score || 1;
      for (const r of alone?.results ?? []) {
        scores.set(r.id, (scores.get(r.id) ?? 0) + r.score / best);
        byId.set(r.id, r);
      }
      outcome.unfilteredTotal = Math.max(outcome.unfilteredTotal, alone?.unfilteredResultCount ?? 0);
    }
  }
  for (const pages of plan.phrasePages) {
    for (const id of pages) {
      const score = scores.get(id);
      if (score !== undefined) scores.set(id, score * tuning.phraseBoost);
    }
  }
  outcome.results = [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => byId.get(id)!);
  return outcome;
}

/** Visible text from Pagefind: its zero-width word boundaries removed, the words it leaves out restored. */
export function plainText(text: string): string {
  return restoreUnindexed(text.replace(/\u200b/g, ''));
}
