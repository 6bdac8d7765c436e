import { describe, expect, it } from 'vitest';
import { highlight, holdsPhrase } from '../../src/lib/search/highlight';

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
