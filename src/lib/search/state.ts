/**
 * What the reader asked for, and its URL form: `/search/?q=留痕&topic=考核&kind=清单`.
 * `topic` may repeat (any of them matches); values are the topics' Chinese names, the same
 * strings the pages carry in their `topic` filter. The /search/ page's form submits exactly
 * these parameters, so a search can be bookmarked and shared with or without JavaScript.
 */
import { TOPICS } from '../topics.ts';

export const KINDS = ['章节', '清单', '政策'] as const;
export type Kind = (typeof KINDS)[number];

/** Pages with a local edition's text (local chapters, records, notes) carry this filter. */
export const LOCAL_FILTER = 'origin:本地';

/** The policy library: its pages carry this name as their topic filter (not one of the topic chips). */
export const POLICY_LIBRARY = { name: '政策文件', href: '/policies/' } as const;

/** Pages outside the topics (the guide: preface, glossary, …) carry this as their topic filter. */
export const GUIDE_TOPIC = '导读';

export interface SearchState {
  q: string;
  /** Topic names (TOPICS[].name), in TOPICS order. Empty: every topic. */
  topics: string[];
  /** Empty: both kinds. */
  kind: Kind | '';
  /** Only pages with a local edition's text (`local=1`; a local edition's search page offers it). */
  local?: boolean;
}

/** The longest query we act on; the rest is ignored (a pasted paragraph is not a query). */
export const MAX_QUERY_LENGTH = 64;

const TOPIC_NAMES: readonly string[] = TOPICS.map((t) => t.name);
/** Every value a page's topic filter can have. */
export const FILTER_TOPICS: readonly string[] = [...TOPIC_NAMES, GUIDE_TOPIC, POLICY_LIBRARY.name];

/**
 * In the index a page's topic and kind are one Pagefind filter, `facet`, valued `会议|章节`.
 * A first search loads every filter file for its counts; one filter lists each page once,
 * where a topic filter and a kind filter listed every page twice (at 1,000 chapters one file
 * of 2.4 KB instead of two of 4.4 KB, on every first search). Templates still write `topic:`
 * and `kind:`; the index step joins them (src/integrations/search-prepare.ts, joinFacet) and
 * the search reads them apart again (pagefindFilters, filterCounts, pageFilters).
 */
export const FACET = 'facet';
const FACET_SEPARATOR = '|';

export function facetValue(topic: string, kind: string): string {
  return `${topic}${FACET_SEPARATOR}${kind}`;
}

/** `会议|章节` → topic and kind; undefined for a value that is not a facet value. */
export function splitFacet(value: string): { topic: string; kind: string } | undefined {
  const at = value.lastIndexOf(FACET_SEPARATOR);
  return at < 0 ? undefined : { topic: value.slice(0, at), kind: value.slice(at + 1) };
}

/** A page's filters as readers know them (`topic`, `kind`, `origin`), from the index's. */
export function pageFilters(filters: Record<string, string[] | undefined>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(filters)) {
    if (key !== FACET) {
      if (values) out[key] = values;
      continue;
    }
    for (const facet of (values ?? []).map(splitFacet)) {
      if (!facet) continue;
      (out.topic ??= []).push(facet.topic);
      (out.kind ??= []).push(facet.kind);
    }
  }
  return out;
}

/** Result counts per `topic`, `kind` (and `origin`) value, from Pagefind's counts per facet value. */
export function filterCounts(counts: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const add = (key: string, name: string, n: number) => {
    out[key] ??= {};
    out[key][name] = (out[key][name] ?? 0) + n;
  };
  for (const [key, values] of Object.entries(counts)) {
    if (key !== FACET) {
      out[key] = values;
      continue;
    }
    for (const [value, n] of Object.entries(values)) {
      const facet = splitFacet(value);
      if (!facet) continue;
      add('topic', facet.topic, n);
      add('kind', facet.kind, n);
    }
  }
  return out;
}

/** Full-width letters and spaces to half-width, whitespace collapsed, length capped. */
export function normalizeQuery(q: string): string {
  return q.normalize('NFKC').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim();
}

export function stateFromParams(params: URLSearchParams): SearchState {
  const wanted = new Set(params.getAll('topic'));
  const kind = params.get('kind') ?? '';
  return {
    q: normalizeQuery(params.get('q') ?? ''),
    topics: TOPIC_NAMES.filter((name) => wanted.has(name)),
    kind: (KINDS as readonly string[]).includes(kind) ? (kind as Kind) : '',
    ...(params.get('local') === '1' ? { local: true } : {}),
  };
}

export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const topic of state.topics) params.append('topic', topic);
  if (state.kind) params.set('kind', state.kind);
  if (state.local) params.set('local', '1');
  return params;
}

/** `/search/?…`, or `/search/` when nothing is asked. */
export function searchHref(state: SearchState): string {
  const query = paramsFromState(state).toString();
  return query ? `/search/?${query}` : '/search/';
}

export function isEmpty(state: SearchState): boolean {
  return !state.q && state.topics.length === 0 && !state.kind && !state.local;
}

/** Pagefind filters for a state: topics combine with OR, kind narrows further (as facet values). */
export function pagefindFilters(state: SearchState): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  if (state.topics.length || state.kind) {
    const topics = state.topics.length ? state.topics : FILTER_TOPICS;
    const kinds: readonly string[] = state.kind ? [state.kind] : KINDS;
    filters[FACET] = { any: topics.flatMap((topic) => kinds.map((kind) => facetValue(topic, kind))) };
  }
  if (state.local) filters.origin = LOCAL_FILTER.split(':')[1];
  return filters;
}
