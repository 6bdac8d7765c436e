import { describe, expect, it } from 'vitest';
import {
  FILTER_TOPICS,
  GUIDE_TOPIC,
  MAX_QUERY_LENGTH,
  POLICY_LIBRARY,
  filterCounts,
  normalizeQuery,
  pageFilters,
  pagefindFilters,
  paramsFromState,
  searchHref,
  stateFromParams,
} from '../../src/lib/search/state';

describe('search state in the URL', () => {
  it('reads the issue’s example address', () => {
    expect(stateFromParams(new URLSearchParams('q=留痕&topic=考核'))).toEqual({ q: '留痕', topics: ['考核'], kind: '' });
  });

  it('round-trips query, several topics (in TOPICS order) and kind', () => {
    const state = stateFromParams(new URLSearchParams('q=视频会议&topic=发文&topic=会议&kind=清单'));
    expect(state).toEqual({ q: '视频会议', topics: ['会议', '发文'], kind: '清单' });
    expect(stateFromParams(paramsFromState(state))).toEqual(state);
    expect(searchHref(state)).toBe('/search/?q=%E8%A7%86%E9%A2%91%E4%BC%9A%E8%AE%AE&topic=%E4%BC%9A%E8%AE%AE&topic=%E5%8F%91%E6%96%87&kind=%E6%B8%85%E5%8D%95');
  });

  it('ignores unknown topics and kinds, and an empty kind from the no-JS form', () => {
    expect(stateFromParams(new URLSearchParams('topic=旅游&kind=视频&q='))).toEqual({ q: '', topics: [], kind: '' });
    expect(stateFromParams(new URLSearchParams('q=留痕&kind='))).toEqual({ q: '留痕', topics: [], kind: '' });
    expect(searchHref({ q: '', topics: [], kind: '' })).toBe('/search/');
  });

  it('normalizes full-width characters and spaces, and caps the length', () => {
    expect(normalizeQuery('  ＡＰＰ\u3000打卡  ')).toBe('APP 打卡');
    expect(normalizeQuery('会'.repeat(200))).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('keeps a query that contains HTML as plain text', () => {
    const q = '<img src=x onerror=alert(1)>';
    expect(stateFromParams(new URLSearchParams({ q })).q).toBe(q);
  });

  it('turns topics (OR) and kind into the facet values the index carries', () => {
    expect(pagefindFilters({ q: '', topics: ['会议', '考核'], kind: '章节' })).toEqual({ facet: { any: ['会议|章节', '考核|章节'] } });
    expect(pagefindFilters({ q: '', topics: ['会议'], kind: '' })).toEqual({ facet: { any: ['会议|章节', '会议|清单', '会议|政策'] } });
    // A kind alone: every topic a page can have, the guide and the policy library included.
    const kindOnly = pagefindFilters({ q: 'x', topics: [], kind: '政策' }) as { facet: { any: string[] } };
    expect(kindOnly.facet.any).toEqual(FILTER_TOPICS.map((topic) => `${topic}|政策`));
    expect(kindOnly.facet.any).toContain(`${POLICY_LIBRARY.name}|政策`);
    expect(kindOnly.facet.any).toContain(`${GUIDE_TOPIC}|政策`);
    expect(pagefindFilters({ q: 'x', topics: [], kind: '' })).toEqual({});
    expect(pagefindFilters({ q: 'x', topics: [], kind: '', local: true })).toEqual({ origin: '本地' });
  });

  it('reads counts and a page’s filters back as topic and kind', () => {
    const counts = filterCounts({ facet: { '会议|章节': 5, '会议|清单': 3, '考核|章节': 2 }, origin: { 本地: 1 } });
    expect(counts).toEqual({ topic: { 会议: 8, 考核: 2 }, kind: { 章节: 7, 清单: 3 }, origin: { 本地: 1 } });
    expect(pageFilters({ facet: ['督查检查|清单'], origin: ['本地'] })).toEqual({ topic: ['督查检查'], kind: ['清单'], origin: ['本地'] });
    expect(pageFilters({})).toEqual({});
  });
});
