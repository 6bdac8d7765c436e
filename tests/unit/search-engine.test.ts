import { describe, expect, it } from 'vitest';
import {
  PHRASE_BOOST,
  intlWordSegmenter,
  plainText,
  planQuery,
  runSearch,
  splitUnits,
  type PagefindApi,
  type PagefindResponse,
  type SearchOptions,
} from '../../src/lib/search/engine';

const vocabulary = new Set(['视频会议', '参会范围', '合并会议', '会议', '合并', '退群']);
const segment = intlWordSegmenter();

/**
 * A stand-in for Pagefind: `pages` maps a page id to its text. A term matches a page that
 * contains it; several terms are ANDed; a quoted term is an exact phrase. Score: number of
 * occurrences. Enough to test the pipeline's decisions, not Pagefind's ranking.
 */
function fakePagefind(pages: Record<string, string>): PagefindApi & { calls: string[] } {
  const calls: string[] = [];
  const respond = (ids: [string, number][], unfiltered: number): PagefindResponse => ({
    results: ids.map(([id, score]) => ({ id, score, data: async () => ({ url: `/${id}/`, excerpt: '', meta: {}, filters: {}, sub_results: [] }) })),
    unfilteredResultCount: unfiltered,
    filters: {},
    totalFilters: {},
  });
  return {
    calls,
    async options() {},
    async search(term: string | null, options: SearchOptions = {}) {
      calls.push(term ?? '(null)');
      const only = (options.filters as { facet?: { any: string[] } } | undefined)?.facet?.any.map((value) => value.split('|')[0]);
      const inScope = (id: string) => !only || only.some((t) => id.startsWith(t));
      if (term === null) return respond(Object.keys(pages).filter(inScope).map((id) => [id, 0]), Object.keys(pages).length);
      const phrase = /^"(.*)"$/.exec(term);
      // The pipeline hands Pagefind words with spaces; in Chinese a phrase's words touch.
      const terms = phrase ? [phrase[1].replaceAll(' ', '')] : term.split(' ');
      const count = (text: string, t: string) => text.split(t).length - 1;
      const all = Object.entries(pages)
        .filter(([, text]) => terms.every((t) => text.includes(t)))
        .map(([id, text]): [string, number] => [id, terms.reduce((sum, t) => sum + count(text, t), 0)]);
      return respond(all.filter(([id]) => inScope(id)).sort((a, b) => b[1] - a[1]), all.length);
    },
  };
}

describe('cutting a query into units', () => {
  it('splits at spaces and at the longest known term', () => {
    expect(splitUnits('视频会议分会场', vocabulary)).toEqual(['视频会议', '分会场']);
    expect(splitUnits('合并会议', vocabulary)).toEqual(['合并会议']);
    expect(splitUnits('留痕  台账', vocabulary)).toEqual(['留痕', '台账']);
    expect(splitUnits('"参会范围"', vocabulary)).toEqual(['参会范围']);
  });

  it('splits at punctuation, so a pasted heading has no unit of punctuation', () => {
    expect(splitUnits('领导干部：讲短话、讲实话', vocabulary)).toEqual(['领导干部', '讲短话', '讲实话']);
    expect(splitUnits('设计群众评价（考核组织单位）', vocabulary)).toEqual(['设计群众评价', '考核组织单位']);
    expect(splitUnits('“参会范围”，视频会议。', vocabulary)).toEqual(['参会范围', '视频会议']);
  });
});

describe('planning a query', () => {
  const pf = fakePagefind({ 会议a: '视频会议 分会场 视频会议', 发文b: '口头通知 合并发文' });
  const probe = async (unit: string) => new Set(((await pf.search(unit.length > 1 ? `"${unit}"` : unit))?.results ?? []).map((r) => r.id));

  it('leaves out words the handbook does not contain, and says so', async () => {
    const plan = await planQuery('视频会议 直播', vocabulary, probe, segment);
    expect(plan.searched).toEqual(['视频会议']);
    expect(plan.missing).toEqual(['直播']);
  });

  it('splits an unknown run into words and keeps the known ones', async () => {
    const plan = await planQuery('视频会议直播', vocabulary, probe, segment);
    expect(plan.searched).toContain('视频会议');
    expect(plan.missing).toContain('直播');
  });

  it('keeps a single character as typed (Pagefind prefix-matches it)', async () => {
    expect((await planQuery('口', vocabulary, probe, segment)).searched).toEqual(['口']);
  });
});

describe('running a search', () => {
  const pages = {
    会议necessity: '合并会议 合并 会议 会议 会议',
    会议other: '会议 会议 会议 会议 会议 会议 合并',
    工作群groups: '退群 解散 工作群',
  };

  it('ranks a page holding the phrase above one that only has the words', async () => {
    const pf = fakePagefind(pages);
    const outcome = await runSearch(pf, '合并 会议', {}, vocabulary, { segment });
    // 会议other has more 会议, but only 会议necessity holds “合并会议” (a known term).
    expect(outcome.results.map((r) => r.id)).toEqual(['会议necessity', '会议other']);
    expect(PHRASE_BOOST).toBeGreaterThan(1);
  });

  it('drops an absent word instead of returning nothing', async () => {
    const outcome = await runSearch(fakePagefind(pages), '钉钉 退群', {}, vocabulary, { segment });
    expect(outcome.missing).toEqual(['钉钉']);
    expect(outcome.results.map((r) => r.id)).toEqual(['工作群groups']);
  });

  it('hands Pagefind the words of a query without 的, 和, …, which the index leaves out', async () => {
    const pf = fakePagefind(pages);
    const outcome = await runSearch(pf, '会议的退群和在解散', {}, vocabulary, { segment });
    expect(outcome.missing).toEqual([]);
    expect(pf.calls.length).toBeGreaterThan(0);
    expect(pf.calls.filter((term) => /[的和在]/.test(term))).toEqual([]);
    expect(pf.calls).toContain('"解散"');
    for (const word of ['的', '和', '在']) {
      const alone = await runSearch(fakePagefind(pages), word, {}, vocabulary, { segment });
      expect(alone.results).toEqual([]);
    }
  });

  it('falls back to OR when no page has every word', async () => {
    const outcome = await runSearch(fakePagefind(pages), '解散 合并', {}, vocabulary, { segment });
    expect(outcome.partial).toBe(true);
    expect(outcome.results.map((r) => r.id).sort()).toEqual(['会议necessity', '会议other', '工作群groups']);
  });

  it('reports nothing found when no word is in the handbook', async () => {
    const outcome = await runSearch(fakePagefind(pages), '钉钉', {}, vocabulary, { segment });
    expect(outcome).toMatchObject({ results: [], searched: [], missing: ['钉钉'] });
  });

  it('browses by filter alone in reading order', async () => {
    const pf = fakePagefind(pages);
    const outcome = await runSearch(pf, '', { facet: { any: ['工作群|章节'] } }, vocabulary, { segment });
    expect(outcome.results.map((r) => r.id)).toEqual(['工作群groups']);
    expect(pf.calls).toEqual(['(null)']);
  });

  it('removes Pagefind’s zero-width word boundaries from visible text and restores 的, 和, …', () => {
    expect(plainText('参会\u200b范围')).toBe('参会范围');
    expect(plainText('手册\ue000\u200b结构')).toBe('手册的结构');
    expect(plainText('会议\u200b\ue002\u200b培训')).toBe('会议和培训');
  });
});
