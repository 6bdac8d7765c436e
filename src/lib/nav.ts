/**
 * What the sidebar lists on one page. Pure (types only from handbook.ts), unit-tested in
 * tests/unit/nav.test.ts.
 *
 * The sidebar is repeated in every page, so its size must not grow with the handbook, or
 * page bytes grow with N and the whole site with N² (issue 8's benchmark showed this).
 * - A handbook of up to FULL_NAV_MAX_CHAPTERS chapters (the real one has 30) lists every
 *   chapter under its topic: the drawer is the whole table of contents.
 * - A larger one lists every topic (with its chapter count) but only the current topic's
 *   chapters, at most TOPIC_WINDOW of them around the current page, then a link to the
 *   topic page, which lists them all.
 */
import type { Handbook, Page } from './handbook';

export const FULL_NAV_MAX_CHAPTERS = 60;
export const TOPIC_WINDOW = 12;

export interface NavLink {
  href: string;
  title: string;
  current: boolean;
}

export interface NavGroup {
  href: string;
  name: string;
  current: boolean;
  /** Chapters in the topic. */
  count: number;
  /** The chapters listed (all, a window, or none). */
  items: NavLink[];
  /** Set when some of the topic's chapters are left out of `items`. */
  more?: { href: string; label: string };
}

export interface SidebarModel {
  front: NavLink[];
  groups: NavGroup[];
  back: NavLink[];
}

export function sidebarModel(handbook: Handbook, current: string): SidebarModel {
  const link = (p: Page): NavLink => ({ href: p.href, title: p.title, current: p.href === current });
  const total = handbook.topics.reduce((n, g) => n + g.chapters.length, 0);
  const full = total <= FULL_NAV_MAX_CHAPTERS;
  const groups = handbook.topics.map((group): NavGroup => {
    const count = group.chapters.length;
    const base = { href: group.href, name: group.topic.name, current: group.href === current, count };
    const here = group.chapters.findIndex((p) => p.href === current);
    if (full) return { ...base, items: group.chapters.map(link) };
    if (here === -1 && !base.current) return { ...base, items: [] };
    const start = Math.max(0, Math.min(here - Math.floor(TOPIC_WINDOW / 2), count - TOPIC_WINDOW));
    const shown = group.chapters.slice(start, start + TOPIC_WINDOW);
    return {
      ...base,
      items: shown.map(link),
      ...(shown.length < count ? { more: { href: group.href, label: `本专题全部 ${count} 章` } } : {}),
    };
  });
  return { front: handbook.front.map(link), groups, back: handbook.back.map(link) };
}
