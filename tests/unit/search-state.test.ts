import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, normalizeQuery, pagefindFilters, paramsFromState, searchHref, stateFromParams } from '../../src/lib/search/state';

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

  it('turns topics into an OR filter and kind into a plain one', () => {
    expect(pagefindFilters({ q: '', topics: ['会议', '考核'], kind: '章节' })).toEqual({ topic: { any: ['会议', '考核'] }, kind: '章节' });
    expect(pagefindFilters({ q: 'x', topics: [], kind: '' })).toEqual({});
  });
});
