import { describe, expect, it } from 'vitest';
import {
  ZWSP,
  chineseSegmenter,
  fileUnderPart,
  inReadingOrder,
  indexLabels,
  mapTextNodes,
  joinFacet,
  preparePage,
  segmentKeywords,
  splitPagefindPairs,
} from '../../src/integrations/search-prepare.ts';
import { restoreUnindexed, UNINDEXED_WORDS } from '../../src/lib/search/unindexed.ts';

const segment = chineseSegmenter();
const words = (s: string) => s.split(ZWSP);

describe('index-time Chinese word boundaries', () => {
  it('splits Han runs into the words Intl.Segmenter finds, as the query side does', () => {
    const icu = [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment('多头发文')].map((s) => s.segment);
    expect(words(segment('多头发文'))).toEqual(icu);
    expect(segment('视频会议')).toBe(`视频${ZWSP}会议`);
  });

  it('writes 的, 和 and the other grammar words as marks the index does not hold, and the text reads the same once restored', () => {
    const marked = segment('手册的结构和会议的目的');
    // 的 and 和 as words of their own become marks (U+E000 + their place in UNINDEXED_WORDS); 目的 stays a word.
    expect(words(marked)).toEqual(['手册', '\ue000', '结构', '\ue002', '会议', '\ue000', '目的']);
    expect(restoreUnindexed(marked.replaceAll(ZWSP, ''))).toBe('手册的结构和会议的目的');
    // Words that merely contain one of them are indexed as they are.
    expect(words(segment('现在已经或者为了是否'))).toEqual(['现在', '已经', '或者', '为了', '是否']);
    // Every listed word is marked when it stands alone, each with a mark of its own.
    const alone = UNINDEXED_WORDS.map((word) => segment(`“${word}”`));
    expect(new Set(alone).size).toBe(UNINDEXED_WORDS.length);
    for (const text of alone) expect(text).toMatch(/^“[\ue000-\ue0ff]”$/);
    expect(restoreUnindexed(alone.join(''))).toBe(UNINDEXED_WORDS.map((word) => `“${word}”`).join(''));
    // A 的 alone between other scripts is a mark too, never an indexed word.
    expect(segment('“隐形”的')).toBe('“隐形”\ue000');
  });

  it('leaves Latin text, digits and single characters alone', () => {
    expect(segment('APP 2024 年')).toBe('APP 2024 年');
    expect(segment('QQ群和微信群')).toContain('QQ');
  });

  it('only changes text nodes: tags, attributes, comments and scripts are copied', () => {
    const html = '<p title="视频会议">视频会议</p><!-- 视频会议 --><script>var a = "视频会议";</script><a href="#视频会议">分会场</a>';
    const out = mapTextNodes(html, segment);
    expect(out).toContain('title="视频会议"');
    expect(out).toContain('<!-- 视频会议 -->');
    expect(out).toContain('var a = "视频会议";');
    expect(out).toContain('href="#视频会议"');
    expect(out).toContain(`>视频${ZWSP}会议</p>`);
    expect(out.replaceAll(ZWSP, '')).toBe(html);
  });

  it('is not confused by > inside quoted attribute values', () => {
    const html = '<span data-x="a>视频会议">视频会议</span>';
    expect(mapTextNodes(html, segment)).toBe(`<span data-x="a>视频会议">视频${ZWSP}会议</span>`);
  });
});

describe('keywords metadata', () => {
  it('is split into the same words as the text and the query, with spaces (督查频次 → 督查 频次)', () => {
    const html = '<article data-pagefind-meta="keywords:督查频次 视频会议" data-pagefind-filter="topic:督查检查">督查频次</article>';
    const out = segmentKeywords(html, segment);
    const icu = (s: string) => [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(s)].map((x) => x.segment).join(' ');
    expect(out).toContain(`data-pagefind-meta="keywords:${icu('督查频次')} 视频 会议"`);
    expect(out).toContain('data-pagefind-filter="topic:督查检查">督查频次</article>');
  });
});

describe('Pagefind attribute pairs', () => {
  it('moves every key:value after the first to its own element', () => {
    const html = '<article data-pagefind-body data-pagefind-filter="topic:会议, kind:清单"><h1>x</h1></article>';
    expect(splitPagefindPairs(html)).toBe(
      '<article data-pagefind-body data-pagefind-filter="topic:会议"><span data-pagefind-filter="kind:清单"></span><h1>x</h1></article>',
    );
  });

  it('keeps single pairs and values that merely contain a comma', () => {
    const one = '<article data-pagefind-filter="topic:会议">';
    expect(splitPagefindPairs(one)).toBe(one);
    const comma = '<h1 data-pagefind-meta="title:会议, 发文和调研">';
    expect(splitPagefindPairs(comma)).toBe(comma);
  });

  it('joins topic and kind into one facet filter, wherever the template wrote them', () => {
    const chapter = '<article data-pagefind-body data-pagefind-filter="topic:会议"><h1 data-pagefind-filter="kind:章节">x</h1></article>';
    expect(joinFacet(chapter)).toBe('<article data-pagefind-body data-pagefind-filter="facet:会议|章节"><h1>x</h1></article>');
    const policy = '<article data-pagefind-body data-pagefind-filter="topic:政策文件"><h1 data-pagefind-filter="kind:政策">x</h1><aside data-pagefind-filter="origin:本地"></aside></article>';
    expect(joinFacet(policy)).toContain('data-pagefind-filter="facet:政策文件|政策"');
    expect(joinFacet(policy)).toContain('data-pagefind-filter="origin:本地"');
  });

  it('files checklist pages under a part of the index of their own, by the lang Pagefind reads', () => {
    const checklist = '<!DOCTYPE html><html lang="zh-CN" class="x"><body><article data-pagefind-body data-pagefind-filter="facet:会议|清单">x</article></body></html>';
    expect(fileUnderPart(checklist)).toContain('<html lang="zh-cn-x-qingdan" class="x">');
    const chapter = checklist.replace('会议|清单', '会议|章节');
    expect(fileUnderPart(chapter)).toContain('<html lang="zh-cn" class="x">');
    // A page without topic and kind (nothing to file it by) goes with the chapters.
    expect(fileUnderPart('<html lang="zh-CN"><body><main data-pagefind-body>x</main></body></html>')).toContain('<html lang="zh-cn">');
    // The whole preparation does it, from the filters the templates write.
    const page = '<html lang="zh-CN"><body><article data-pagefind-body data-pagefind-filter="topic:会议, kind:清单">签到</article></body></html>';
    expect(preparePage(page, { segment })).toContain('lang="zh-cn-x-qingdan"');
  });

  it('stops the build, in Chinese, for a searchable page without exactly one known topic and kind', () => {
    expect(() => joinFacet('<article data-pagefind-body data-pagefind-filter="topic:会议">x</article>')).toThrow(/topic 1 个、kind 0 个/);
    expect(() => joinFacet('<article data-pagefind-filter="topic:旅游"><h1 data-pagefind-filter="kind:章节">x</h1></article>')).toThrow(/专题“旅游”不存在/);
    expect(() => joinFacet('<article data-pagefind-filter="topic:会议"><h1 data-pagefind-filter="kind:视频">x</h1></article>')).toThrow(/类型“视频”不存在/);
  });

  it('adds pages in reading order, pages without a place after every chapter, by address', () => {
    const page = (url: string, order?: number) => ({ url, html: `<article data-pagefind-body${order === undefined ? '' : ` data-hb-order="${order}"`}><h1>x</h1></article>` });
    const pages = [page('/checklists/b/'), page('/meetings/attendance/', 12), page('/checklists/a/'), page('/guide/preface/', 1), page('/policies/', 9999), page('/meetings/overview/', 10)];
    expect(inReadingOrder(pages).map((p) => p.url)).toEqual(['/guide/preface/', '/meetings/overview/', '/meetings/attendance/', '/policies/', '/checklists/a/', '/checklists/b/']);
  });

  it('prepares a whole page in one call', () => {
    const html = '<html lang="zh-CN"><body><nav>目录</nav><article data-pagefind-body data-pagefind-filter="topic:会议, kind:章节"><h1>参会范围</h1></article></body></html>';
    const out = preparePage(html, { segment });
    expect(out).toContain('<article data-pagefind-body data-pagefind-filter="facet:会议|章节"><span></span>');
    expect(out).not.toContain('topic:');
    expect(out).not.toContain('kind:');
    expect(out).not.toContain('data-pagefind-sort');
    expect(out).toContain(`<h1>参会${ZWSP}范围</h1>`);
  });
});

describe('checklist items reach the index', () => {
  it('turns labels into spans for the index only, so Pagefind keeps their text', () => {
    const item = '<li data-item-id="a1"><label><input type="checkbox" name="a1" value="1" disabled><span>没有为考核布置展板</span></label></li>';
    expect(indexLabels(item)).toBe('<li data-item-id="a1"><span><input type="checkbox" name="a1" value="1" disabled><span>没有为考核布置展板</span></span></li>');
    expect(indexLabels('<LABEL for="q">搜索</LABEL><labelled>')).toBe('<span for="q">搜索</span><labelled>');
    expect(preparePage(item, { segment })).not.toContain('<label');
  });
});
