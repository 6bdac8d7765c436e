/**
 * What the offline worker keeps, named once for the build step that makes it
 * (src/integrations/offline.ts, which hands these to the worker's own script), the offline
 * page that lists what is saved (src/pages/offline.astro) and the footer line.
 */

/**
 * The handbook's page about offline reading. It is precached, and offline it stands in for
 * any page that is not saved on this device, saying which and why.
 */
export const OFFLINE_PAGE = '/offline/';

/** Workbox's `cacheId`: the precache is `hb-precache-v2-<scope>`. */
export const CACHE_ID = 'hb';

/** Print pages and PDFs: too large to precache, saved when a reader opens them. */
export const OPENED_CACHE = 'hb-print';

/** At most this many print pages and PDFs are kept (the oldest opened goes first). */
export const OPENED_MAX = 12;

/** Cache names the worker gives the files of the previous edition it keeps for open tabs. */
export const PREVIOUS_CACHE_PREFIX = 'hb-previous-';
