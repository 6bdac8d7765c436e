/**
 * Runs a built site's own Pagefind (dist/pagefind/pagefind.js and its wasm) in Node, so
 * that the build's ready answers (./search-ready.ts) and the quality evaluation search
 * exactly what a reader's browser searches. pagefind.js fetches its files; here `fetch`
 * reads them from disk and counts the bytes (the files are already compressed by Pagefind,
 * so file size ≈ bytes transferred). `releasePagefind` puts the globals back.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PAGE_OPTIONS, type PagefindApi } from '../lib/search/engine.ts';
import { createPartInstance, type IndexPart } from '../lib/search/parts.ts';

interface Mounted {
  dist: string;
  fetched: Map<string, number>;
  /** Files under pagefind/ whose download fails as on a broken network. */
  failing?: RegExp;
}

const mounts = new Map<string, Mounted>();
let restore: (() => void) | undefined;
/** The <html> pagefind.js reads its language from (see createPartInstance). */
const html = { lang: 'zh-CN', getAttribute: (name: string) => (name === 'lang' ? html.lang : null) };

function installShims(): void {
  if (restore) return;
  const globals = globalThis as { document?: unknown };
  const hadDocument = 'document' in globals;
  const realFetch = globalThis.fetch;
  restore = () => {
    if (!hadDocument) delete globals.document;
    globalThis.fetch = realFetch;
    mounts.clear();
  };
  // pagefind.js reads <html lang> to choose its query segmentation (zh → Intl.Segmenter).
  globals.document ??= {
    currentScript: null,
    documentElement: html,
    querySelector: (selector: string) => (selector === 'html' ? html : null),
  };
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const match = /^\/__hb(\d+)(\/pagefind\/[^?]*)/.exec(url);
    const mount = match && mounts.get(match[1]);
    if (!match || !mount) return realFetch(input, init);
    if (mount.failing?.test(match[2])) throw new TypeError('fetch failed (simulated network error)');
    try {
      const body = await readFile(path.join(mount.dist, decodeURIComponent(match[2])));
      mount.fetched.set(match[2], body.byteLength);
      return new Response(body, { status: 200 });
    } catch {
      return new Response('not found', { status: 404 });
    }
  };
}

export interface NodePagefind {
  pf: PagefindApi;
  /** Files fetched so far (path under the site → bytes). */
  fetched: Map<string, number>;
  /** From now on, downloads of files matching `pattern` (e.g. /\/index\//) fail; none with undefined. */
  failDownloads(pattern: RegExp | undefined): void;
}

let nextMount = 0;
let module: Promise<{ createInstance(options: Record<string, unknown>): PagefindApi & { init(): Promise<void> } }> | undefined;

/** Loads one part (src/lib/search/parts.ts) of the Pagefind index of a built site (`dist` holds `pagefind/`). */
export async function loadPagefind(dist: string, part: IndexPart = 'pages'): Promise<NodePagefind> {
  installShims();
  const id = String(nextMount++);
  const fetched = new Map<string, number>();
  const mount: Mounted = { dist, fetched };
  mounts.set(id, mount);
  // One pagefind.js module serves every mounted index; instances are independent.
  module ??= import(pathToFileURL(path.join(dist, 'pagefind', 'pagefind.js')).href);
  const pf = createPartInstance((await module).createInstance, part, { basePath: `/__hb${id}/pagefind/`, baseUrl: '/' }, html);
  await pf.init();
  return {
    pf,
    fetched,
    failDownloads: (pattern) => {
      mount.failing = pattern;
    },
  };
}

/**
 * Pagefind as the /search/ page sets it up: the page's options, and the filter files loaded
 * (the page loads them for the counts on its chips).
 */
export async function loadPagefindAsPage(dist: string, part: IndexPart = 'pages'): Promise<NodePagefind> {
  const loaded = await loadPagefind(dist, part);
  await loaded.pf.options(PAGE_OPTIONS);
  await (loaded.pf as unknown as { filters(): Promise<unknown> }).filters();
  return loaded;
}

/** Puts `fetch` and `document` back as they were; instances loaded before stop working. */
export function releasePagefind(): void {
  restore?.();
  restore = undefined;
}
