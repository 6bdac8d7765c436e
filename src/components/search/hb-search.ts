/**
 * <hb-search>: the /search/ page's behaviour. The server HTML is a plain GET form
 * (q, topic…, kind) that works without JavaScript; this element adds live results.
 *
 * - Pagefind (pagefind.js, its wasm and index chunks) is fetched only when needed: when
 *   the page opens with a query or filter in the URL, or when the reader focuses the box,
 *   types, or picks a filter. It runs without a worker (one file less on the first
 *   search; a search here takes a few milliseconds). A term of the search vocabulary with
 *   no filter, opened from the address or typed, shows the build's ready answer instead;
 *   Pagefind searches it only for 显示更多结果 (../../lib/search/ready.ts).
 * - Checklist pages are a part of the index of their own (../../lib/search/parts.ts): the
 *   kind 清单 searches them, any other choice the rest, each loaded when first needed. The
 *   chips count within the part searched, so 清单 shows its count once chosen.
 * - The URL mirrors the form (`?q=留痕&topic=考核`): typing replaces the history entry,
 *   submitting or changing a filter adds one; back/forward restore the search.
 * - Results: title, topic and kind, an excerpt with the matched words marked, and links to
 *   the headings inside the page where the words are. Pagefind's excerpts are HTML; only
 *   their text and <mark> are kept (see appendExcerpt), so nothing from the index or the
 *   query is ever parsed into live markup.
 * - A download of the index that fails (flaky network; a tab left open across an update)
 *   says the search did not finish and offers 重试, never that the handbook lacks the word
 *   (../../lib/search/index-load.ts). A query in traditional characters is searched in
 *   simplified ones, said in the results line; the converter is a chunk of its own, fetched
 *   only for such a query (../../lib/search/simplify.ts).
 * - `/` focuses the search box (not while typing in a field). While an input method composes
 *   (pinyin letters in the box), nothing is searched until the characters are chosen.
 */
import { PAGE_OPTIONS, RESULTS_PER_STEP, plainText, runSearch, type PagefindApi, type PagefindData, type PagefindResult, type SearchOutcome, type Simplifier } from '../../lib/search/engine';
import { IndexLoadError, guardLoads, watchFetches } from '../../lib/search/index-load';
import { dropLead, highlight, shownSubResults, tidyExcerpt, type Segment } from '../../lib/search/highlight';
import { isEmpty, normalizeQuery, pageFilters, pagefindFilters, paramsFromState, stateFromParams, type SearchState } from '../../lib/search/state';
import { define, el } from '../../lib/browser/dom';
import { firstFiles, type FirstFiles } from '../../lib/search/first-files';
import { createPartInstance, partOfKind, type IndexPart } from '../../lib/search/parts';
import { outcomeFromReady, readyUrl, type ReadyAnswer } from '../../lib/search/ready';

/** Wait after the last keystroke before searching. */
const TYPING_DELAY_MS = 80;
const PAGEFIND_URL = '/pagefind/pagefind.js';

type PagefindInstance = PagefindApi & { init(): Promise<void>; filters(): Promise<unknown> };
interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

/** Pagefind for each part of the index (../../lib/search/parts.ts), loaded when a search needs it. */
const loaded = new Map<IndexPart, Promise<PagefindApi>>();

/**
 * Loads Pagefind for one part of the index: checklist pages (kind 清单) or the rest. `first`:
 * the files pagefind.js would ask for one after another (entry, the part's pf_meta,
 * WebAssembly), named by the build: preloaded now, side by side with pagefind.js, and
 * consumed by its own fetch() calls (same address, same CORS mode). A second part shares
 * pagefind.js and the WebAssembly with the first (revalidated, not downloaded again).
 */
function loadPagefind(part: IndexPart, first?: FirstFiles): Promise<PagefindApi> {
  let promise = loaded.get(part);
  if (promise) return promise;
  promise = (async () => {
    const failures = watchFetches((url) => new URL(url, location.href).pathname.startsWith('/pagefind/'));
    const before = failures();
    for (const href of first?.urls[part] ?? []) document.head.append(el('link', { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href }));
    const url = PAGEFIND_URL;
    const module = (await import(/* @vite-ignore */ url)) as PagefindModule;
    const options = { noWorker: true, ...PAGE_OPTIONS, ...(first ? { metaCacheTag: first.cacheTag } : {}) };
    const pf = createPartInstance(module.createInstance, part, options, document.documentElement);
    await pf.init();
    if (failures() !== before) throw new IndexLoadError('the search index did not load');
    // The (tiny) filter chunks, so that every search reports counts per topic: loaded beside
    // the first search's index chunks, not before them. The query's probes (no options) run
    // at once; a search with filters, whose counts the page shows, waits for them.
    const filtersLoaded = pf.filters();
    filtersLoaded.catch(() => {}); // a search that needs them reports the failure
    const counted: PagefindApi = {
      options: (options) => pf.options(options),
      search: async (term, options) => {
        if (options) await filtersLoaded;
        return pf.search(term, options);
      },
    };
    return guardLoads(counted, failures);
  })();
  loaded.set(part, promise);
  promise.catch(() => {
    if (loaded.get(part) === promise) loaded.delete(part);
  });
  return promise;
}

/** The traditional → simplified converter, fetched the first time a query needs it. */
const loadSimplifier = (): Promise<Simplifier> => import('../../lib/search/simplify').then((m) => m.toSimplified);

/** Pagefind's excerpt HTML as text pieces, marked where Pagefind put <mark>. */
function excerptPieces(html: string): Segment[] {
  // DOMParser documents are inert: nothing in them loads or runs. Only text is kept.
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  return tidyExcerpt(
    [...body.childNodes]
      .map((node) => ({ text: plainText(node.textContent ?? ''), mark: node.nodeName === 'MARK' }))
      .filter((piece) => piece.text),
  );
}

/**
 * Appends an excerpt as text and <mark> elements only, highlighting the query's units,
 * without the heading (`lead`) it starts with when that is already shown above it.
 */
function appendExcerpt(parent: HTMLElement, html: string, units: readonly string[], lead = ''): void {
  for (const piece of highlight(dropLead(excerptPieces(html), lead), units)) parent.append(piece.mark ? el('mark', {}, piece.text) : piece.text);
}

function quoteList(words: string[]): string {
  return words.map((w) => `“${w}”`).join('、');
}

class HbSearch extends HTMLElement {
  #form!: HTMLFormElement;
  #input!: HTMLInputElement;
  #status!: HTMLElement;
  #notes!: HTMLElement;
  #list!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #help!: HTMLElement;
  /** The search vocabulary, in the page's order (which numbers the ready answers). */
  #terms: string[] = [];
  #vocabulary = new Set<string>();
  #first: FirstFiles | undefined;
  #runId = 0;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #pending: PagefindResult[] = [];
  #shown = 0;
  /** Units of the current query, for highlighting. */
  #units: string[] = [];
  /** The current history entry was added by typing (later keystrokes replace it). */
  #typingEntry = false;

  connectedCallback(): void {
    this.#form = this.querySelector('form')!;
    this.#input = this.#form.querySelector('input[name="q"]')!;
    this.#status = this.querySelector('[data-status]')!;
    this.#notes = this.querySelector('[data-notes]')!;
    this.#list = this.querySelector('[data-results]')!;
    this.#more = this.querySelector('[data-more]')!;
    this.#help = this.querySelector('[data-help]')!;
    this.#terms = (this.dataset.vocabulary ?? '').split(' ').filter(Boolean);
    this.#vocabulary = new Set(this.#terms);
    this.#first = firstFiles(this.dataset.pagefindIndex);
    this.querySelector('[data-nojs]')?.remove();

    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#update('commit');
    });
    const typed = (): void => {
      clearTimeout(this.#typingTimer);
      this.#typingTimer = setTimeout(() => this.#update('typing'), TYPING_DELAY_MS);
    };
    // A pinyin input method puts its letters in the box (canhui) while the reader picks the
    // characters: nothing is searched until the pick (compositionend), or “canhui” would be
    // searched, reported missing and put in the address.
    this.#input.addEventListener('input', (event) => {
      if ((event as InputEvent).isComposing) clearTimeout(this.#typingTimer);
      else typed();
    });
    this.#input.addEventListener('compositionend', typed);
    this.#input.addEventListener('focus', () => void loadPagefind(partOfKind(this.#formState().kind), this.#first).catch(() => {}), { once: true });
    this.#form.addEventListener('change', (event) => {
      if (event.target !== this.#input) this.#update('commit');
    });
    this.#more.addEventListener('click', () => void this.#showMore().catch(() => this.#moreFailed()));
    // The "/" shortcut is site-wide: src/components/search/shortcut.ts.
    window.addEventListener('popstate', () => this.#restore());
    this.#restore();
  }

  #formState(): SearchState {
    return stateFromParams(new URLSearchParams(new FormData(this.#form) as unknown as Record<string, string>));
  }

  /**
   * Form → URL → search. A new search gets its own history entry: the first keystroke adds
   * one, further keystrokes update it, and submitting or changing a filter settles it.
   */
  #update(cause: 'typing' | 'commit'): void {
    clearTimeout(this.#typingTimer);
    const state = this.#formState();
    const query = paramsFromState(state).toString();
    const url = query ? `${location.pathname}?${query}` : location.pathname;
    if (url !== `${location.pathname}${location.search}`) {
      if (this.#typingEntry) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
    }
    this.#typingEntry = cause === 'typing';
    void this.#run(state);
  }

  /** URL → form → search (page load, back/forward). */
  #restore(): void {
    this.#typingEntry = false;
    const state = stateFromParams(new URLSearchParams(location.search));
    this.#input.value = state.q;
    for (const box of this.#form.querySelectorAll<HTMLInputElement>('input[name="topic"]')) box.checked = state.topics.includes(box.value);
    for (const radio of this.#form.querySelectorAll<HTMLInputElement>('input[name="kind"]')) radio.checked = radio.value === state.kind;
    const local = this.#form.querySelector<HTMLInputElement>('input[name="local"]');
    if (local) local.checked = !!state.local;
    void this.#run(state);
  }

  /** `retry`: the reader asked again after a failed download (focus goes to what comes). */
  async #run(state: SearchState, retry = false): Promise<void> {
    const id = ++this.#runId;
    const site = this.dataset.siteTitle ?? '';
    document.title = state.q ? `搜索：${state.q} · ${site}` : `搜索 · ${site}`;
    if (isEmpty(state)) {
      this.#clear();
      for (const slot of this.querySelectorAll<HTMLElement>('[data-count-for]')) slot.textContent = '';
      this.#help.hidden = false;
      this.#status.textContent = '';
      return;
    }
    this.#help.hidden = true;
    this.#list.setAttribute('aria-busy', 'true');
    const slow = setTimeout(() => {
      if (id === this.#runId) this.#status.textContent = '正在载入搜索…';
    }, 300);
    let outcome: SearchOutcome;
    try {
      const live = async (): Promise<SearchOutcome> =>
        runSearch(await loadPagefind(partOfKind(state.kind), this.#first), normalizeQuery(state.q), pagefindFilters(state), this.#vocabulary, { loadSimplifier });
      outcome = (await this.#ready(state, live)) ?? (await live());
      if (id !== this.#runId) return;
      this.#clear();
      this.#renderCounts(state, outcome);
      this.#renderNotes(outcome);
      this.#pending = outcome.results;
      this.#units = outcome.searched;
      await this.#showMore(id);
    } catch {
      clearTimeout(slow);
      if (id === this.#runId) this.#renderFailure(state, retry);
      return;
    }
    clearTimeout(slow);
    if (id !== this.#runId) return;
    this.#list.removeAttribute('aria-busy');
    this.#status.textContent = this.#summary(state, outcome);
    if (outcome.results.length === 0) this.#renderNoResults(state, outcome);
    if (retry) this.#list.querySelector('a')?.focus();
  }

  /**
   * The build's answer for a vocabulary term (src/lib/search/ready.ts) with no filter chosen,
   * opened from the address or typed: the first results from one small file instead of the
   * index chunks and fragments (a term used on most pages, 基层权责, needs 40 KB of chunks at
   * 1,000 chapters). Anything amiss (no such file, offline without it, another edition) falls
   * back to `live`.
   */
  async #ready(state: SearchState, live: () => Promise<SearchOutcome>): Promise<SearchOutcome | undefined> {
    const folder = this.#first?.ready;
    if (!folder || state.topics.length || state.kind || state.local) return undefined;
    const n = this.#terms.indexOf(state.q);
    if (n < 0) return undefined;
    try {
      const response = await fetch(readyUrl(folder, n));
      if (!response.ok) return undefined;
      const answer = (await response.json()) as ReadyAnswer;
      return answer.q === state.q ? outcomeFromReady(answer, live) : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The search did not finish (Pagefind, part of its index or a result's text did not
   * load): say so, never that the handbook lacks the word, and offer to try again. The retry
   * starts a fresh Pagefind, which re-reads the index's entry file: after an update the old
   * files are gone and only the new ones load.
   */
  #renderFailure(state: SearchState, focus: boolean): void {
    this.#clear();
    this.#list.removeAttribute('aria-busy');
    this.#status.textContent = '搜索没有完成：有些搜索文件没有载入。';
    const retry = el('button', { type: 'button', className: 'hb-button' }, '重试');
    retry.addEventListener('click', () => {
      loaded.clear();
      this.#notes.replaceChildren();
      this.#status.textContent = '正在重新搜索…';
      void this.#run(state, true);
    });
    const word = state.q ? `这不是说手册里没有“${state.q}”：` : '';
    this.#notes.append(
      el('p', {}, `${word}多半是网络不稳定，或者手册刚刚更新过。网络恢复后请点“重试”。`),
      el('p', {}, retry),
      el('p', {}, '也可以直接按专题浏览：', this.#topicLinks(state)),
    );
    if (focus) retry.focus();
  }

  /** “显示更多结果” could not load the next results: they stay shown, the button tries again. */
  #moreFailed(): void {
    this.#more.disabled = false;
    this.#status.textContent = '更多结果没有载入：网络不稳定。请再点一次“显示更多结果”。';
  }

  #clear(): void {
    this.#list.replaceChildren();
    this.#list.hidden = true;
    this.#notes.replaceChildren();
    this.#more.hidden = true;
    this.#pending = [];
    this.#shown = 0;
  }

  #summary(state: SearchState, outcome: SearchOutcome): string {
    const n = outcome.results.length;
    const scope = [state.topics.join('、'), state.kind, state.local ? '本地规定' : ''].filter(Boolean).join(' · ');
    if (!state.q) return `${scope || '全部页面'}：共 ${n} 页`;
    const where = scope ? `（${scope}）` : '';
    const simplified = outcome.simplified ? `，已按简体“${outcome.simplified}”搜索` : '';
    return (n ? `“${state.q}”找到 ${n} 条结果${where}` : `“${state.q}”没有找到结果${where}`) + simplified;
  }

  /**
   * Result counts on the filter chips (for a query; when browsing they would only repeat the
   * list), as small badges on the chips (search.css): text that widened the chips would rewrap
   * them and push the page down as results arrive. Read aloud as “会议，12 条”.
   */
  #renderCounts(state: SearchState, outcome: SearchOutcome): void {
    for (const slot of this.querySelectorAll<HTMLElement>('[data-count-for]')) {
      const [key, value] = slot.dataset.countFor!.split(':');
      const n = outcome.counts[key]?.[value];
      slot.replaceChildren(...(state.q && n !== undefined ? [el('span', { className: 'hb-visually-hidden' }, '，'), String(n), el('span', { className: 'hb-visually-hidden' }, ' 条')] : []));
    }
  }

  #renderNotes(outcome: SearchOutcome): void {
    if (outcome.missing.length && outcome.searched.length) {
      this.#notes.append(el('p', {}, `手册里没有${quoteList(outcome.missing)}，下面是去掉这个词后按${quoteList(outcome.searched)}搜索的结果。`));
    }
    if (outcome.partial && outcome.results.length) {
      this.#notes.append(el('p', {}, `没有同时包含${quoteList(outcome.searched)}的页面，下面的结果只包含其中一部分。`));
    }
  }

  #renderNoResults(state: SearchState, outcome: SearchOutcome): void {
    const tips = el('ul');
    if (outcome.missing.length && !outcome.searched.length) {
      tips.append(el('li', {}, `手册里没有${quoteList(outcome.missing)}这个说法。换一个常用的词试试，例如“参会范围”“留痕”“视频会议”。`));
    } else {
      tips.append(el('li', {}, '换一个更短或更常用的词，例如把“会议通知怎么写”改成“会议通知”。'));
    }
    const filtered = state.topics.length > 0 || state.kind !== '' || !!state.local;
    if (filtered) {
      const all: SearchState = { q: state.q, topics: [], kind: '' };
      const link = el('a', { href: `?${paramsFromState(all)}` }, '在全部专题中搜索');
      // The count is of the part of the index searched; after 清单 the link searches the other part.
      const samePart = partOfKind(state.kind) === partOfKind(all.kind);
      const more = outcome.unfilteredTotal && samePart ? `（其他专题有 ${outcome.unfilteredTotal} 条结果）` : '';
      tips.append(el('li', {}, '去掉筛选条件：', link, more));
    }
    tips.append(el('li', {}, '或者直接浏览专题：', this.#topicLinks(state)));
    this.#notes.append(el('p', {}, '可以这样试试：'), tips);
  }

  /** Links to topic pages: the chosen topics, or all of them. */
  #topicLinks(state: SearchState): HTMLElement {
    const links = el('span', { className: 'hb-search__topics' });
    for (const box of this.#form.querySelectorAll<HTMLInputElement>('input[name="topic"]')) {
      if (state.topics.length && !state.topics.includes(box.value)) continue;
      links.append(el('a', { href: box.dataset.href! }, box.value), ' ');
    }
    return links;
  }

  /** Renders the next RESULTS_PER_STEP results (loading their fragments). */
  async #showMore(id = this.#runId): Promise<void> {
    const batch = this.#pending.slice(this.#shown, this.#shown + RESULTS_PER_STEP);
    if (batch.length === 0) {
      this.#more.hidden = true;
      return;
    }
    this.#more.disabled = true;
    const data = await Promise.all(batch.map((r) => r.data()));
    if (id !== this.#runId) return;
    const firstNew = this.#shown;
    for (const item of data) this.#list.append(this.#renderResult(item));
    this.#shown += batch.length;
    this.#list.hidden = false;
    const left = this.#pending.length - this.#shown;
    this.#more.hidden = left <= 0;
    this.#more.disabled = false;
    this.#more.textContent = `显示更多结果（还有 ${left} 条）`;
    // After “more”, move focus to the first new result so keyboard readers continue there.
    if (firstNew > 0) this.#list.children[firstNew]?.querySelector('a')?.focus();
  }

  #renderResult(data: PagefindData): HTMLLIElement {
    const title = plainText(data.meta.title ?? data.url);
    const filters = pageFilters(data.filters);
    const topic = filters.topic?.[0];
    const kind = filters.kind?.[0];
    const item = el('li', { className: 'hb-result' });
    item.append(el('h2', { className: 'hb-result__title' }, el('a', { href: data.url }, title)));
    const meta = [topic, kind, filters.origin?.[0]].filter((x): x is string => Boolean(x));
    if (meta.length) item.append(el('p', { className: 'hb-result__meta' }, meta.join(' · ')));
    // The page-top part of the excerpt, or the whole-page excerpt when browsing by filter.
    const top = data.sub_results.find((s) => !s.anchor);
    const excerpt = el('p', { className: 'hb-result__excerpt' });
    appendExcerpt(excerpt, top?.excerpt || data.excerpt, this.#units, title);
    if (excerpt.textContent) item.append(excerpt);
    const subs = shownSubResults(data.sub_results, this.#units, (html) => excerptPieces(html).map((p) => p.text).join(''));
    if (subs.length) {
      const list = el('ul', { className: 'hb-result__subs' });
      list.setAttribute('aria-label', `${title}中相关的小节`);
      for (const s of subs) {
        const text = el('p');
        appendExcerpt(text, s.excerpt, this.#units, plainText(s.title));
        list.append(el('li', {}, el('a', { href: s.url }, plainText(s.title)), text));
      }
      item.append(list);
    }
    return item;
  }
}

define('hb-search', HbSearch);
