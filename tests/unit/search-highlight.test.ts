import { describe, expect, it } from 'vitest';
import { dropLead, highlight, holdsPhrase, tidyExcerpt } from '../../src/lib/search/highlight';

const marked = (segments: { text: string; mark: boolean }[]) => segments.filter((s) => s.mark).map((s) => s.text);

describe('highlighting the words a reader searched for', () => {
  // Pagefind marked 陪 and every 会 (prefix matches of the split query 陪 + 会).
  const pieces = [
    { text: '这就是', mark: false },
    { text: '陪', mark: true },
    { text: '会', mark: true },
    { text: '，', mark: false },
    { text: '会议', mark: true },
    { text: '很多。', mark: false },
  ];

  it('marks the query as written and drops stray prefix marks', () => {
    const out = highlight(pieces, ['陪会']);
    expect(marked(out)).toEqual(['陪会']);
    expect(out.map((s) => s.text).join('')).toBe('这就是陪会，会议很多。');
  });

  it('keeps Pagefind’s marks when the query does not occur as written', () => {
    expect(marked(highlight(pieces, ['陪同']))).toEqual(['陪会', '会议']);
  });

  it('keeps marks on words that start with a single-character unit', () => {
    expect(marked(highlight(pieces, ['陪会', '会']))).toEqual(['陪会', '会议']);
  });

  it('matches Latin letters without regard to case', () => {
    expect(marked(highlight([{ text: '下载APP的要求', mark: false }], ['app']))).toEqual(['APP']);
  });

  it('tells whether an excerpt holds a multi-character unit', () => {
    expect(holdsPhrase('不搞打卡接龙', ['打卡接龙'])).toBe(true);
    expect(holdsPhrase('打卡', ['打'])).toBe(false);
  });
});

describe('tidying Pagefind’s Chinese excerpts', () => {
  const text = (segments: { text: string }[]) => segments.map((s) => s.text).join('');
  /** Pieces from Pagefind excerpt HTML: <mark>…</mark> becomes a marked piece. */
  const parse = (html: string) =>
    html.split(/(<mark>[^<]*<\/mark>)/).filter(Boolean).map((p) => (p.startsWith('<mark>') ? { text: p.slice(6, -7), mark: true } : { text: p, mark: false }));

  it('turns the ". " Pagefind puts after a heading into 。 and keeps the marks', () => {
    // As Pagefind returned it for 留痕 (zero-width spaces removed).
    const out = tidyExcerpt(parse('<mark>留</mark><mark>痕</mark>的边界. 必要记录要<mark>留</mark>全。用三个问题判断。 <mark>留</mark><mark>痕</mark>本身不是坏事。'));
    expect(text(out)).toBe('留痕的边界。必要记录要留全。用三个问题判断。留痕本身不是坏事。');
    expect(marked(out)).toEqual(['留痕', '留', '留痕']);
  });

  it('drops punctuation a window opens on, and the space a heading leaves at the end', () => {
    expect(text(tidyExcerpt(parse('，工作群里发照片报一遍。 群里“晒”工作。 问题表现. ')))).toBe('工作群里发照片报一遍。群里“晒”工作。问题表现。');
  });

  it('leaves Latin text, numbers and spaces between words alone', () => {
    const source = 'Pagefind 1.6. 2024年8月 印发 事后 出自：留痕的边界';
    expect(text(tidyExcerpt(parse(source)))).toBe(source);
  });
});

describe('an excerpt that repeats the heading above it', () => {
  it('loses the heading, keeping the marks after it', () => {
    const pieces = [{ text: '留痕', mark: true }, { text: '的边界。必要记录要', mark: false }, { text: '留', mark: true }, { text: '全。', mark: false }];
    expect(dropLead(pieces, '留痕的边界')).toEqual([{ text: '必要记录要', mark: false }, { text: '留', mark: true }, { text: '全。', mark: false }]);
  });
  it('is left whole when it does not start with the heading', () => {
    const pieces = [{ text: '按事项分量定参会人。', mark: false }];
    expect(dropLead(pieces, '谁来参会')).toEqual(pieces);
    expect(dropLead(pieces, '')).toEqual(pieces);
  });
});
