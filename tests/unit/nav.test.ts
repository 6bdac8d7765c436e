import { describe, expect, it } from 'vitest';
import type { ChapterPage, FrontPage, Handbook, TopicGroup } from '../../src/lib/handbook';
import { FULL_NAV_MAX_CHAPTERS, TOPIC_WINDOW, sidebarModel } from '../../src/lib/nav';
import { TOPICS } from '../../src/lib/topics';

/** A handbook with `perTopic` chapters in each topic. */
function handbook(perTopic: number): Handbook {
  // The sidebar reads only href and title.
  const chapter = (href: string, title: string) => ({ kind: 'chapter', href, title }) as ChapterPage;
  const frontPage = (href: string, title: string) => ({ kind: 'front', href, title }) as FrontPage;
  const topics: TopicGroup[] = TOPICS.map((topic) => ({
    topic,
    href: `/${topic.slug}/`,
    chapters: Array.from({ length: perTopic }, (_, i) => chapter(`/${topic.slug}/c${i + 1}/`, `${topic.name}第${i + 1}章`)),
    exercises: [],
  }));
  const front = [frontPage('/guide/preface/', '前言')];
  const back = [frontPage('/guide/glossary/', '术语')];
  return { front, topics, back, pages: [...front, ...topics.flatMap((t) => t.chapters), ...back], policies: [], citations: new Map(), notes: [], glossary: [] };
}

const links = (m: ReturnType<typeof sidebarModel>) =>
  [...m.front, ...m.groups.flatMap((g) => g.items), ...m.back].length;

describe('sidebar model', () => {
  it('a handbook of the real size lists every chapter and marks the current page', () => {
    const hb = handbook(5);
    const m = sidebarModel(hb, '/documents/c3/');
    expect(m.groups.map((g) => g.items.length)).toEqual(TOPICS.map(() => 5));
    expect(m.groups.flatMap((g) => g.items).filter((l) => l.current).map((l) => l.title)).toEqual(['发文第3章']);
    expect(m.groups.every((g) => !g.more)).toBe(true);
  });

  it(`past ${FULL_NAV_MAX_CHAPTERS} chapters only the current topic is listed, as a window around the page`, () => {
    const hb = handbook(100);
    const m = sidebarModel(hb, '/meetings/c50/');
    const meetings = m.groups.find((g) => g.href === '/meetings/')!;
    expect(meetings.items).toHaveLength(TOPIC_WINDOW);
    expect(meetings.items.map((l) => l.title)).toContain('会议第50章');
    expect(meetings.items.findIndex((l) => l.current)).toBe(TOPIC_WINDOW / 2);
    expect(meetings.more).toEqual({ href: '/meetings/', label: '本专题全部 100 章' });
    expect(m.groups.filter((g) => g.href !== '/meetings/').every((g) => g.items.length === 0 && g.count === 100)).toBe(true);
  });

  it('the window stays inside the topic at its first and last chapters', () => {
    const hb = handbook(100);
    const first = sidebarModel(hb, '/inspections/c1/').groups.find((g) => g.href === '/inspections/')!;
    expect(first.items[0]).toMatchObject({ href: '/inspections/c1/', current: true });
    const last = sidebarModel(hb, '/inspections/c100/').groups.find((g) => g.href === '/inspections/')!;
    expect(last.items.at(-1)).toMatchObject({ href: '/inspections/c100/', current: true });
    expect(last.items).toHaveLength(TOPIC_WINDOW);
  });

  it('the number of links does not grow with the handbook', () => {
    const sizes = [20, 100, 400].map((n) => links(sidebarModel(handbook(n), '/assessment/c7/')));
    expect(sizes[1]).toBe(sizes[2]);
    expect(sizes[1]).toBeLessThanOrEqual(2 + TOPIC_WINDOW);
    const front = sidebarModel(handbook(400), '/guide/preface/');
    expect(front.groups.every((g) => g.items.length === 0)).toBe(true);
    expect(front.front[0].current).toBe(true);
  });
});
