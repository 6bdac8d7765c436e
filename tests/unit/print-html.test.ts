import { describe, expect, it } from 'vitest';
import { collectIds, listAfterHeading, scopeFragment } from '../../src/lib/print/html';
import { allPrintDocs, handoutDoc, sectionAnchor } from '../../src/lib/print/files';
import { chineseNumber } from '../../src/lib/print/numbers';
import { qrSvg } from '../../src/lib/print/qr';
import { TOPICS } from '../../src/lib/topics';

const chapter = [
  '<h2 id="问题表现">问题表现</h2>',
  '<p>见<a href="#怎么做">怎么做</a>和<a href="/guide/glossary/#%E9%99%AA%E4%BC%9A">陪会</a>，',
  '另见<a href="/meetings/overview/">总览</a>、<a href="/assessment/traces/">留痕</a>、<a href="https://www.gov.cn/">政府网</a>、',
  '<a href="/meetings/attendance/#%E6%80%8E%E4%B9%88%E5%81%9A">本章做法</a>、<a href="/meetings/attendance/#不存在">本章</a>。</p>',
  '<h3 id="怎么做">怎么做</h3>',
  '<hb-checklist data-checklist-id="x"><h3 class="t" id="checklist-x">清单</h3>',
  '<ul aria-labelledby="checklist-x"><li><label for="a b"><input id="a" title="a > b"></label></li></ul></hb-checklist>',
].join('');

describe('scopeFragment: one chapter inside a combined print page', () => {
  const anchors = new Map([
    ['/meetings/attendance/', 'p-meetings-attendance'],
    ['/meetings/overview/', 'p-meetings-overview'],
    ['/guide/glossary/', 'p-guide-glossary'],
  ]);
  const out = scopeFragment(chapter, { prefix: 'p-meetings-attendance', pagePath: '/meetings/attendance/', anchors, headingShift: 1 });

  it('prefixes every id so repeated headings (问题表现, 清单…) stay unique', () => {
    expect(collectIds(out)).toEqual([
      'p-meetings-attendance--问题表现',
      'p-meetings-attendance--怎么做',
      'p-meetings-attendance--checklist-x',
      'p-meetings-attendance--a',
    ]);
  });

  it('rewrites what points at those ids: #links, aria-labelledby, for (only ids that exist)', () => {
    expect(out).toContain('href="#p-meetings-attendance--怎么做"');
    expect(out).toContain('aria-labelledby="p-meetings-attendance--checklist-x"');
    expect(out).toContain('for="p-meetings-attendance--a b"');
  });

  it('names a labelled section (a tool, a landmark) after its chapter too, so two chapters with one tool differ', () => {
    const tool = '<section aria-labelledby="group-audit-title"><h3 id="group-audit-title">工作群体检</h3></section>';
    const names = ['p-chat-groups-groups', 'p-chat-groups-apps'].map((prefix) =>
      /aria-labelledby="([^"]+)"/.exec(scopeFragment(tool, { prefix, pagePath: '/x/', contextLabel: `${prefix}__title` }))![1],
    );
    expect(names).toEqual([
      'p-chat-groups-groups__title p-chat-groups-groups--group-audit-title',
      'p-chat-groups-apps__title p-chat-groups-apps--group-audit-title',
    ]);
    // A list's label is not a landmark's: left as it was.
    expect(scopeFragment(chapter, { prefix: 'p', pagePath: '/x/', contextLabel: 'p__title' })).toContain('<ul aria-labelledby="p--checklist-x">');
  });

  it('turns links to pages of the same document into in-document links, keeps the rest', () => {
    expect(out).toContain('href="#p-guide-glossary--陪会"');
    expect(out).toContain('href="#p-meetings-overview"');
    expect(out).toContain('href="#p-meetings-attendance--怎么做">本章做法');
    expect(out).toContain('href="#p-meetings-attendance">本章');
    expect(out).toContain('href="/assessment/traces/"');
    expect(out).toContain('href="https://www.gov.cn/"');
  });

  it('moves headings down a level, opening and closing tags alike, and keeps attributes with “>” intact', () => {
    expect(out).toContain('<h3 id="p-meetings-attendance--问题表现">问题表现</h3>');
    expect(out).toContain('<h4 id="p-meetings-attendance--怎么做">怎么做</h4>');
    expect(out).toContain('<h4 class="t" id="p-meetings-attendance--checklist-x">清单</h4>');
    expect(out).toContain('title="a > b"');
    expect(out).not.toMatch(/<\/?h2/);
  });

  it('leaves text alone and caps headings at h6', () => {
    const text = '<h5 id="x">id="x" 与 href="#x"</h5><p>id="x"</p>';
    expect(scopeFragment(text, { prefix: 'p', pagePath: '/a/', headingShift: 3 })).toBe('<h6 id="p--x">id="x" 与 href="#x"</h6><p>id="x"</p>');
  });
});

describe('listAfterHeading', () => {
  const html = '<h2 id="a">培训讨论</h2><p>说明</p><ol><li>问一</li><li>问二<ol><li>子</li></ol></li></ol><h2 id="b">依据</h2><ul><li>x</li></ul>';
  it('returns the list under the heading, up to the next heading', () => {
    expect(listAfterHeading(html, '培训讨论')).toBe('<ol><li>问一</li><li>问二<ol><li>子</li></ol></li></ol>');
  });
  it('returns undefined when there is no such heading or no list', () => {
    expect(listAfterHeading(html, '怎么做')).toBeUndefined();
    expect(listAfterHeading('<h2>培训讨论</h2><p>无</p><h2>依据</h2><ol><li>x</li></ol>', '培训讨论')).toBeUndefined();
  });
});

describe('print documents', () => {
  it('name one PDF per print page: handbook, a handout, a trainer edition and slides per topic, worksheets', () => {
    const docs = allPrintDocs();
    expect(docs.map((d) => d.pdf)).toEqual([
      'handbook.pdf',
      ...TOPICS.map((t) => `handouts/${t.slug}.pdf`),
      ...TOPICS.map((t) => `handouts/trainer/${t.slug}.pdf`),
      ...TOPICS.map((t) => `slides/${t.slug}.pdf`),
      'checklists.pdf',
    ]);
    expect(new Set(docs.map((d) => d.route)).size).toBe(docs.length);
    expect(handoutDoc(TOPICS[0])).toEqual({ route: '/print/meetings/', pdf: 'handouts/meetings.pdf', label: '会议培训讲义 PDF' });
    // /print/checklists/ must not collide with a topic handout.
    expect(TOPICS.map((t) => t.slug)).not.toContain('checklists');
  });

  it('derive section anchors from page paths', () => {
    expect(sectionAnchor('/meetings/attendance/')).toBe('p-meetings-attendance');
    expect(sectionAnchor('/guide/glossary/')).toBe('p-guide-glossary');
    expect(sectionAnchor('/meetings/')).toBe('p-meetings');
  });

  it('number parts in Chinese', () => {
    expect([1, 2, 6, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '二', '六', '十', '十一', '二十', '二十三']);
  });
});

describe('qrSvg', () => {
  it('makes an accessible inline SVG QR code', async () => {
    const svg = await qrSvg('https://handbook.example.org/meetings/attendance/', '本章网址二维码：x & "y"');
    expect(svg).toMatch(/^<svg class="hb-qr" role="img" aria-label="本章网址二维码：x &amp; &quot;y&quot;" focusable="false"/);
    expect(svg).toMatch(/viewBox="0 0 (\d+) \1"/);
    expect(svg.endsWith('</svg>')).toBe(true);
  });
});
