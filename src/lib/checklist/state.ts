/**
 * Checklist state: what is stored in the browser and what travels in a share link.
 * Pure functions (no DOM), used by the <hb-checklist> element and the unit tests.
 *
 * Stored shape (localStorage), one key per checklist:
 *   key    "hb:checklist:v1:<checklist-id>"
 *   value  {"v":1,"ticked":["<item-id>", …],"updated":<ms since epoch>}
 * Lifecycle: written on every tick, untick and reset (reset removes the key); read when
 * the page loads, whenever another tab writes the same key (the `storage` event) and when
 * the page is shown again (`pageshow`: Back restores the boxes as they were, storage wins).
 * Item ids are stable (see model.ts), so ticks survive reordering; ids the page no
 * longer has (an editor removed the item) are dropped when read; new items start unticked.
 * Anything unreadable (bad JSON, wrong version, wrong types) reads as "nothing ticked", or
 * without the unreadable entries, and is reported as unreadable so the reader can be told.
 * A new version of this shape gets a new key prefix, so old data is simply ignored.
 *
 * Share fragment: "#share=" + encodeURIComponent("<checklist-id>:<item>.<item>|<id2>:…")
 * A checklist with nothing ticked is written as "<checklist-id>:" so the reader sees it cleared.
 */
export const STORAGE_PREFIX = 'hb:checklist:v1:';
export const STORAGE_VERSION = 1;

export function storageKey(checklistId: string): string {
  return STORAGE_PREFIX + checklistId;
}

export function encodeState(ticked: Iterable<string>, now = Date.now()): string {
  return JSON.stringify({ v: STORAGE_VERSION, ticked: [...new Set(ticked)].sort(), updated: now });
}

export interface StoredState {
  /** Ticked ids among the known item ids. */
  ticked: Set<string>;
  /** Something was stored but could not (all) be read: the reader should be told. */
  unreadable: boolean;
}

/** Ticked ids among `known` item ids; nothing ticked, and `unreadable`, for anything unreadable. */
export function decodeState(raw: string | null | undefined, known: readonly string[]): StoredState {
  const bad = { ticked: new Set<string>(), unreadable: true };
  if (!raw) return { ticked: new Set(), unreadable: false };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return bad;
  }
  if (!data || typeof data !== 'object') return bad;
  const { v, ticked } = data as { v?: unknown; ticked?: unknown };
  if (v !== STORAGE_VERSION || !Array.isArray(ticked)) return bad;
  const knownSet = new Set(known);
  return {
    ticked: new Set(ticked.filter((id): id is string => typeof id === 'string' && knownSet.has(id))),
    unreadable: ticked.some((id) => typeof id !== 'string'),
  };
}

/**
 * Accepting a share link ("replace mine"): the shared ticks, plus the ticks made elsewhere
 * (another tab) between opening the link (`before`) and choosing (`now`), so that no work is
 * lost unseen; `kept` counts those, for telling the reader. Unticks made elsewhere meanwhile
 * yield to the shared set: the reader chose it.
 */
export function acceptShare(shared: ReadonlySet<string>, before: ReadonlySet<string>, now: ReadonlySet<string>) {
  const kept = [...now].filter((id) => !before.has(id) && !shared.has(id));
  return { ticked: new Set([...shared, ...kept]), kept: kept.length };
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Build the `share=` fragment value for one or more checklists. */
export function encodeShare(lists: ReadonlyMap<string, Iterable<string>>): string {
  const parts = [...lists].map(([id, ticked]) => `${id}:${[...ticked].sort().join('.')}`);
  return `share=${encodeURIComponent(parts.join('|'))}`;
}

/** Parse a location hash; returns checklist id → ticked item ids, or null when there is no valid share. */
export function decodeShare(hash: string): Map<string, Set<string>> | null {
  const match = /(?:^#|&)share=([^&]*)/.exec(hash);
  if (!match) return null;
  let value: string;
  try {
    value = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  const out = new Map<string, Set<string>>();
  for (const part of value.split('|')) {
    const colon = part.indexOf(':');
    if (colon < 1) continue;
    const id = part.slice(0, colon);
    if (!ID.test(id)) continue;
    const items = part.slice(colon + 1).split('.').filter((item) => ID.test(item));
    out.set(id, new Set(items));
  }
  return out.size ? out : null;
}

export interface TextItem {
  text: string;
  ticked: boolean;
}

/** Plain-text form for copying and downloading: title, date, ☑/☐ lines, progress, source. */
export function checklistText(title: string, items: readonly TextItem[], date: Date, source?: string): string {
  const done = items.filter((i) => i.ticked).length;
  const day = `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
  return [
    title,
    `日期：${day}    已完成 ${done}/${items.length}`,
    '',
    ...items.map((i) => `${i.ticked ? '☑' : '☐'} ${i.text}`),
    ...(source ? ['', `来源：${source}`] : []),
  ].join('\n');
}
