/**
 * Edition handover: the part of the offline worker that Workbox's configuration cannot say.
 * src/integrations/offline.ts writes this file as dist/sw-edition.<id>.js, preceded by
 * `self.hbEdition = { id, assets, precache, opened, previous }` (this edition's id, its
 * precached /_astro/ and /pagefind/ paths, cache names), and sw.js loads it
 * (importScripts) before Workbox's own code, so these listeners run first.
 *
 * Workbox swaps editions whole: on activation it deletes every precached file the new
 * edition does not list. A tab still showing the old edition may then ask for one of them
 * (a search index chunk, a script loaded late), and the server no longer has it either.
 * So this script
 * - on install, copies the old edition's /_astro/ and /pagefind/ files that this edition
 *   drops to the cache `<previous><id>` (Workbox deletes precache entries only on
 *   activation, so they are all still there: no race);
 * - answers a request for such a file from that copy;
 * - deletes the copy once every page that was open at activation is gone (reloaded or closed).
 *
 * Print pages saved when a reader opened them (the `opened` cache) link the stylesheets of
 * their edition. On install they are fetched again, from the new edition, and swapped in on
 * activation. One that could not be refreshed and links files this edition lacks is
 * dropped: offline it then shows the offline page, not an unstyled page. Saved PDFs stand
 * alone and are kept as they are.
 */
(() => {
  const { id, assets, precache, opened, previous } = self.hbEdition;
  const current = new Set(assets);
  const kept = `${previous}${id}`;
  const staged = `${opened}-next-${id}`;
  /** Key, in the `kept` cache, of the ids of the pages open at activation. */
  const OPEN_PAGES = '/__hb/open-at-activation';

  const precacheName = () => `${precache}${self.registration.scope}`;
  const isAsset = (url) => url.origin === location.origin && /^\/(_astro|pagefind)\//.test(url.pathname);
  const isPdf = (request) => new URL(request.url).pathname.endsWith('.pdf');
  // Keeping the old edition is a courtesy to open tabs: a failure must not block the update.
  const bestEffort = (promise) => promise.catch(() => undefined);

  self.addEventListener('install', (event) => {
    event.waitUntil(Promise.all([bestEffort(keepDropped()), bestEffort(stageOpenedPages())]));
  });

  self.addEventListener('activate', (event) => {
    event.waitUntil(Promise.all([bestEffort(rememberOpenPages()), bestEffort(swapOpenedPages()), bestEffort(dropOlderCopies())]));
  });

  self.addEventListener('fetch', (event) => {
    const { request } = event;
    const url = new URL(request.url);
    // Not in this edition's precache (Workbox answers those): perhaps a kept file.
    if (request.method === 'GET' && isAsset(url) && !current.has(url.pathname)) event.respondWith(fromKept(request));
    event.waitUntil(bestEffort(forgetWhenUnused()));
  });

  async function keepDropped() {
    if (!(await caches.has(precacheName()))) return;
    const cache = await caches.open(precacheName());
    let copy;
    for (const request of await cache.keys()) {
      const url = new URL(request.url);
      if (!isAsset(url) || current.has(url.pathname)) continue;
      const response = await cache.match(request);
      if (!response) continue;
      copy ??= await caches.open(kept);
      url.search = ''; // Workbox's __WB_REVISION__
      await copy.put(url.href, response);
    }
  }

  async function fromKept(request) {
    const names = (await caches.keys()).filter((name) => name.startsWith(previous));
    for (const name of names) {
      const response = await caches.match(request, { cacheName: name, ignoreSearch: true });
      if (response) return response;
    }
    return fetch(request);
  }

  async function rememberOpenPages() {
    if (!(await caches.has(kept))) return;
    const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const ids = JSON.stringify(pages.map((page) => page.id));
    await (await caches.open(kept)).put(OPEN_PAGES, new Response(ids, { headers: { 'Content-Type': 'application/json' } }));
  }

  /** Ids of the pages open at activation (read once per worker start); [] once all are gone. */
  let openAtActivation;
  let checking;
  function forgetWhenUnused() {
    checking ??= (async () => {
      if (!openAtActivation) {
        const stored = await caches.match(OPEN_PAGES, { cacheName: kept });
        openAtActivation = stored ? await stored.json() : [];
      }
      if (!openAtActivation.length) return;
      const stillOpen = await Promise.all(openAtActivation.map((pageId) => self.clients.get(pageId)));
      if (stillOpen.some(Boolean)) return;
      openAtActivation = [];
      await caches.delete(kept);
    })().finally(() => {
      checking = undefined;
    });
    return checking;
  }

  async function stageOpenedPages() {
    if (!(await caches.has(opened))) return;
    const pages = (await (await caches.open(opened)).keys()).filter((request) => !isPdf(request));
    if (!pages.length) return;
    const next = await caches.open(staged);
    await Promise.all(
      pages.map((request) =>
        bestEffort(
          fetch(request.url, { cache: 'no-cache' }).then((response) => (response.ok ? next.put(request, response) : undefined)),
        ),
      ),
    );
  }

  async function swapOpenedPages() {
    if (!(await caches.has(opened))) return;
    const saved = await caches.open(opened);
    for (const request of await saved.keys()) {
      if (isPdf(request)) continue;
      const fresh = await caches.match(request, { cacheName: staged });
      if (fresh) await saved.put(request, fresh);
      else if (!linksOnlyCurrent(await (await saved.match(request))?.text())) await saved.delete(request);
    }
    await caches.delete(staged);
  }

  /** Whether a saved page's scripts and stylesheets are all in this edition. */
  function linksOnlyCurrent(html) {
    if (html === undefined) return false;
    return [...html.matchAll(/(?:href|src)="(\/(?:_astro|pagefind)\/[^"?#]+)/g)].every(([, path]) => current.has(path));
  }

  /** Copies left by earlier editions or by installs that never activated. */
  async function dropOlderCopies() {
    for (const name of await caches.keys()) {
      const older = (name.startsWith(previous) && name !== kept) || (name.startsWith(`${opened}-next-`) && name !== staged);
      if (older) await caches.delete(name);
    }
  }
})();
