/**
 * The handbook model without a build: reading order, neighbours, checklists and search
 * keywords from the fixture tests/fixtures/handbook/, through a mocked astro:content
 * (test-utils.ts). Milliseconds instead of a build.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('astro:content', async () => (await import('./test-utils')).mockedAstroContent('handbook'));

const { getHandbook, neighbours, lastUpdated, topicOf } = await import('../../src/lib/handbook');
const { getChecklists } = await import('../../src/lib/checklists');
const { keywordsFor, getSiteSearchData } = await import('../../src/lib/search/site');
const { sheetsFor } = await import('../../src/lib/prepare');

describe('the handbook model (fixture)', () => {
  it('puts pages in reading order: front matter, topics in topics.ts order by `order`, back matter', async () => {
    const handbook = await getHandbook();
    expect(handbook.pages.map((p) => p.href)).toEqual([
      '/guide/preface/',
      '/meetings/overview/',
      '/meetings/attendance/',
      '/documents/overview/',
      '/guide/glossary/',
    ]);
    expect(handbook.topics.map((t) => [t.topic.slug, t.chapters.length]).slice(0, 3)).toEqual([
      ['meetings', 2],
      ['documents', 1],
      ['research-visits', 0],
    ]);
    expect(handbook.front.map((p) => p.kind)).toEqual(['front']);
    expect(handbook.back.map((p) => p.part)).toEqual(['back']);
  });

  it('gives each page its neighbours and its topic', async () => {
    const handbook = await getHandbook();
    const { prev, next } = neighbours(handbook, '/meetings/attendance/');
    expect(prev?.title).toBe('会议总览（测试）');
    expect(next?.title).toBe('发文总览（测试）');
    expect(neighbours(handbook, '/guide/preface/').prev).toBeUndefined();
    expect(neighbours(handbook, '/no-such-page/')).toEqual({});
    expect(topicOf(handbook.pages[1])?.name).toBe('会议');
    expect(topicOf(handbook.pages[0])).toBeUndefined();
  });

  it('dates the edition by the latest update', async () => {
    expect(lastUpdated(await getHandbook()).toISOString().slice(0, 10)).toBe('2026-11-27');
  });

  it('collects every checklist in reading order, with stable item ids and a link into its chapter', async () => {
    const lists = await getChecklists();
    expect(lists.map((l) => [l.id, l.page.href, l.href])).toEqual([
      ['meetings-overview-test', '/meetings/overview/', '/meetings/overview/#checklist-meetings-overview-test'],
      ['meetings-attendance-test', '/meetings/attendance/', '/meetings/attendance/#checklist-meetings-attendance-test'],
    ]);
    const [first] = lists;
    expect(first.phase).toBe('before');
    expect(first.items.map((i) => i.id)).toEqual([expect.stringMatching(/^t[0-9a-z]+$/), 'scope']);
    expect(first.items[1].text).toBe('参会范围已按事项确定');
  });

  it('builds preparation sheets per topic and phase from the checklists', async () => {
    const sheets = sheetsFor(await getChecklists());
    expect(sheets.map((s) => s.href)).toEqual(['/prepare/meetings/', '/prepare/meetings/before/']);
    expect(sheets[1].lists.map((l) => l.id)).toEqual(['meetings-overview-test']);
  });

  it('gives a page its tags and the glossary terms whose 相关章节 point at it as search keywords', async () => {
    const handbook = await getHandbook();
    const page = (href: string) => handbook.pages.find((p) => p.href === href)!;
    expect(await keywordsFor(page('/meetings/attendance/'))).toEqual(['参会范围', '陪会']);
    expect(await keywordsFor(page('/meetings/overview/'))).toEqual(['会议总览', '陪会']);
    expect(await keywordsFor(page('/documents/overview/'))).toEqual(['文山会海']);
    const { vocabulary } = await getSiteSearchData();
    expect(vocabulary).toEqual(expect.arrayContaining(['参会范围', '陪会', '文山会海', '会议']));
  });
});
