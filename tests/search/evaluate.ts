/**
 * Search quality: runs every query of tests/search/queries.json against a built site's
 * index through the same pipeline as the /search/ page and reports recall@1 (an expected
 * page comes first) and recall@3 (one is among the first three).
 *
 *   npx node tests/search/evaluate.ts            # the build in dist/ or $HB_BUILD_DIR/dist (config.ts)
 *
 * The command prints the comparison recorded in the README: the same built HTML indexed
 * with Pagefind's defaults and the query as typed (before), each part of the pipeline on
 * or off, and the site as shipped (after). tests/unit/search-quality.test.ts fails when
 * the shipped pipeline falls below the level it reaches.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inReadingOrder, preparePage } from '../../src/integrations/search-prepare.ts';
import { getConfig } from '../../src/lib/config.ts';
import { DEFAULT_TUNING, RANKING, runSearch, type PagefindApi, type Tuning } from '../../src/lib/search/engine.ts';
import { toSimplified } from '../../src/lib/search/simplify.ts';
import { pagefindFilters, type SearchState } from '../../src/lib/search/state.ts';
import { loadPagefind, type NodePagefind } from '../../src/integrations/pagefind-node.ts';
import { partOfKind, type IndexPart } from '../../src/lib/search/parts.ts';
import { pageVocabulary } from '../../src/integrations/search-ready.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface QueryCase {
  q: string;
  /** Pages that may come first (site paths). */
  expect: string[];
  /** Topic filter (a topic's Chinese name). */
  topic?: string;
  /** Kind filter: 章节 or 清单. */
  kind?: string;
  type: 'single' | 'two-term' | 'absent-term' | 'filtered';
  note?: string;
}

export interface QueryOutcome extends QueryCase {
  top: string[];
  at1: boolean;
  at3: boolean;
}

export interface Evaluation {
  total: number;
  recallAt1: number;
  recallAt3: number;
  outcomes: QueryOutcome[];
  /** Bytes of index files fetched for all queries (JS and wasm excluded). */
  indexBytes: number;
}

export function loadQueries(): QueryCase[] {
  return JSON.parse(readFileSync(path.join(here, 'queries.json'), 'utf8')).queries;
}

export function builtSite(): string {
  return getConfig().outDir;
}

/** The vocabulary exactly as the built /search/ page ships it to the browser. */
export async function builtVocabulary(dist: string): Promise<Set<string>> {
  const terms = pageVocabulary(await readFile(path.join(dist, 'search', 'index.html'), 'utf8'));
  if (!terms.length) throw new Error(`${dist}/search/index.html has no data-vocabulary: is it a current build?`);
  return new Set(terms);
}

type Ranker = (pf: PagefindApi, query: QueryCase) => Promise<string[]>;

async function urlsOf(results: { data(): Promise<{ url: string }> }[], n = 3): Promise<string[]> {
  return Promise.all(results.slice(0, n).map(async (r) => (await r.data()).url));
}

/** Runs every query against the index in `site/pagefind` and scores the first three hits. */
export async function evaluate(site: string, rank: Ranker, ranking?: Record<string, unknown>): Promise<Evaluation> {
  // Each query searches the part of the index its kind needs (src/lib/search/parts.ts), as the page does.
  const parts = new Map<IndexPart, Promise<NodePagefind>>();
  const partFor = (query: QueryCase): Promise<NodePagefind> => {
    const part = partOfKind(query.kind ?? '');
    let loaded = parts.get(part);
    if (!loaded) {
      loaded = loadPagefind(site, part).then(async (opened) => {
        if (ranking) await opened.pf.options({ ranking });
        return opened;
      });
      parts.set(part, loaded);
    }
    return loaded;
  };
  const outcomes: QueryOutcome[] = [];
  for (const query of loadQueries()) {
    const top = await rank((await partFor(query)).pf, query);
    outcomes.push({ ...query, top, at1: query.expect.includes(top[0]), at3: top.some((u) => query.expect.includes(u)) });
  }
  const total = outcomes.length;
  let indexBytes = 0;
  for (const { fetched } of await Promise.all(parts.values())) {
    for (const [file, bytes] of fetched) if (!/\.(js|pagefind)$/.test(file)) indexBytes += bytes;
  }
  return {
    total,
    recallAt1: outcomes.filter((o) => o.at1).length / total,
    recallAt3: outcomes.filter((o) => o.at3).length / total,
    outcomes,
    indexBytes,
  };
}

/** The filters the /search/ page builds for a query's topic and kind. */
const filtersOf = (query: QueryCase) =>
  pagefindFilters({ q: query.q, topics: query.topic ? [query.topic] : [], kind: (query.kind ?? '') as SearchState['kind'] });

/** The /search/ page's pipeline (src/lib/search/engine.ts). */
export function pipelineRanker(vocabulary: ReadonlySet<string>, tuning: Tuning = DEFAULT_TUNING): Ranker {
  return async (pf, query) => {
    // The filters exactly as the /search/ page builds them from its state.
    const { results } = await runSearch(pf, query.q, filtersOf(query), vocabulary, { tuning, loadSimplifier: async () => toSimplified });
    return urlsOf(results);
  };
}

/** Pagefind as it comes: the query as typed, with the page's filters (a facet, src/lib/search/state.ts). */
export const plainRanker: Ranker = async (pf, query) => urlsOf((await pf.search(query.q, { filters: filtersOf(query) }))?.results ?? []);

/** The same on an index of the plain HTML (Pagefind's defaults), whose pages carry `topic:` and `kind:` filters. */
const plainHtmlRanker: Ranker = async (pf, query) => {
  const filters = { ...(query.topic ? { topic: query.topic } : {}), ...(query.kind ? { kind: query.kind } : {}) };
  return urlsOf((await pf.search(query.q, { filters }))?.results ?? []);
};

/** The shipped index with the /search/ page's pipeline: what tests/unit/search-quality.test.ts checks. */
export async function evaluatePipeline(dist = builtSite()): Promise<Evaluation> {
  return evaluate(dist, pipelineRanker(await builtVocabulary(dist)), RANKING);
}

/**
 * Indexes the built HTML again into a scratch folder: with Pagefind's defaults (`plain`),
 * or prepared like src/integrations/search-index.ts but with `segment` as the Chinese word splitter.
 */
export async function buildVariantIndex(dist: string, segment?: (text: string) => string): Promise<string> {
  const pagefind = await import('pagefind');
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'hb-search-variant-'));
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind did not start');
  if (!segment) {
    await index.addDirectory({ path: dist, glob: '**/*.html' });
  } else {
    const pages: { url: string; html: string }[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'pagefind' && entry.name !== '_astro') await walk(full);
        } else if (entry.name === 'index.html') {
          const html = await readFile(full, 'utf8');
          if (!html.includes('data-pagefind-body')) continue;
          pages.push({ url: `/${path.relative(dist, dir).split(path.sep).join('/')}/`.replace(/^\/\/$/, '/'), html });
        }
      }
    };
    await walk(dist);
    for (const { url, html } of inReadingOrder(pages)) await index.addHTMLFile({ url, content: preparePage(html, { segment }) });
  }
  await index.writeFiles({ outputPath: path.join(scratch, 'pagefind') });
  await pagefind.close();
  return scratch;
}

export interface Variant {
  name: string;
  evaluation: Evaluation;
}

/** The comparison recorded in the README: what each part of the pipeline adds. */
export async function compareVariants(dist = builtSite()): Promise<Variant[]> {
  const vocabulary = await builtVocabulary(dist);
  const plainIndex = await buildVariantIndex(dist);
  const unsegmented = await buildVariantIndex(dist, (text) => text);
  try {
    return [
      { name: 'Pagefind defaults, query as typed', evaluation: await evaluate(plainIndex, plainHtmlRanker) },
      { name: 'handbook index, query as typed, default ranking', evaluation: await evaluate(dist, plainRanker) },
      { name: 'handbook index, query as typed, handbook ranking', evaluation: await evaluate(dist, plainRanker, RANKING) },
      {
        name: 'handbook index without word boundaries, full pipeline',
        evaluation: await evaluate(unsegmented, pipelineRanker(vocabulary), RANKING),
      },
      {
        name: 'handbook index, full pipeline without phrase boost',
        evaluation: await evaluate(dist, pipelineRanker(vocabulary, { ...DEFAULT_TUNING, phraseBoost: 1 }), RANKING),
      },
      { name: 'handbook index, full pipeline (the site)', evaluation: await evaluate(dist, pipelineRanker(vocabulary), RANKING) },
    ];
  } finally {
    await rm(plainIndex, { recursive: true, force: true });
    await rm(unsegmented, { recursive: true, force: true });
  }
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

export function report(name: string, e: Evaluation): string {
  const lines = [`${name}: recall@1 ${percent(e.recallAt1)}, recall@3 ${percent(e.recallAt3)} (${e.total} queries)`];
  for (const o of e.outcomes.filter((x) => !x.at1)) {
    const label = `${o.q}${o.topic ? ` [${o.topic}]` : ''}${o.kind ? ` [${o.kind}]` : ''}`;
    lines.push(`  ${o.at3 ? 'not 1st' : 'MISSED '}  ${label} → ${o.top.join(' ') || '(nothing)'}   expected ${o.expect.join(' or ')}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const variants = await compareVariants();
  console.log('| index and query | recall@1 | recall@3 |\n|---|---|---|');
  for (const v of variants) console.log(`| ${v.name} | ${percent(v.evaluation.recallAt1)} | ${percent(v.evaluation.recallAt3)} |`);
  console.log(`\n${variants[0].evaluation.total} queries (tests/search/queries.json).\n`);
  console.log(report('Pagefind defaults', variants[0].evaluation));
  console.log();
  console.log(report('the site', variants[variants.length - 1].evaluation));
}
