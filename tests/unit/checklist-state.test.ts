import { describe, expect, it } from 'vitest';
import { deriveItemId, normaliseItemText } from '../../src/lib/checklist/model';
import { acceptShare, checklistText, decodeShare, decodeState, encodeShare, encodeState, storageKey } from '../../src/lib/checklist/state';

const known = ['scope', 'agenda', 'video'];

describe('stored checklist state', () => {
  it('round-trips ticks under a versioned, namespaced key', () => {
    expect(storageKey('meetings-before')).toBe('hb:checklist:v1:meetings-before');
    const raw = encodeState(['video', 'scope'], 1700000000000);
    expect(JSON.parse(raw)).toEqual({ v: 1, ticked: ['scope', 'video'], updated: 1700000000000 });
    expect(decodeState(raw, known)).toEqual({ ticked: new Set(['scope', 'video']), unreadable: false });
  });

  it('reads nothing stored as nothing ticked, with nothing to report', () => {
    expect(decodeState(null, known)).toEqual({ ticked: new Set(), unreadable: false });
    expect(decodeState('', known)).toEqual({ ticked: new Set(), unreadable: false });
  });

  it('drops items the editor removed and leaves new items unticked', () => {
    const raw = encodeState(['scope', 'removed-item']);
    expect(decodeState(raw, [...known, 'new-item'])).toEqual({ ticked: new Set(['scope']), unreadable: false });
  });

  it.each([
    ['not JSON', '{oops'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['an older version', JSON.stringify({ v: 0, ticked: ['scope'] })],
    ['a future version', JSON.stringify({ v: 2, ticked: ['scope'] })],
    ['ticked not a list', JSON.stringify({ v: 1, ticked: 'scope' })],
  ])('reads %s as nothing ticked, and reports it unreadable', (_label, raw) => {
    expect(decodeState(raw, known)).toEqual({ ticked: new Set(), unreadable: true });
  });

  it('keeps the readable ticks of a tampered list and reports the rest unreadable', () => {
    const raw = JSON.stringify({ v: 1, ticked: ['scope', 7, null, { x: 1 }, 'agenda'] });
    expect(decodeState(raw, known)).toEqual({ ticked: new Set(['agenda', 'scope']), unreadable: true });
  });
});

describe('accepting a share link', () => {
  it('gives the shared ticks plus those made elsewhere after the link opened, and counts them', () => {
    const shared = new Set(['scope', 'agenda']);
    // When the link opened I had `video`; meanwhile another tab ticked `extra` and `agenda`.
    const result = acceptShare(shared, new Set(['video']), new Set(['video', 'extra', 'agenda']));
    expect(result).toEqual({ ticked: new Set(['scope', 'agenda', 'extra']), kept: 1 });
  });

  it('is the shared set alone when nothing changed meanwhile, or when ticks were only removed', () => {
    const shared = new Set(['scope']);
    expect(acceptShare(shared, new Set(['video']), new Set(['video']))).toEqual({ ticked: shared, kept: 0 });
    expect(acceptShare(shared, new Set(['video', 'scope']), new Set())).toEqual({ ticked: shared, kept: 0 });
  });
});

describe('share links', () => {
  it('round-trips several checklists, including an empty one', () => {
    const fragment = encodeShare(new Map([['meetings-before', ['scope', 'agenda']], ['documents-check', []]]));
    const back = decodeShare(`#${fragment}`)!;
    expect([...back.get('meetings-before')!].sort()).toEqual(['agenda', 'scope']);
    expect(back.get('documents-check')!.size).toBe(0);
  });

  it('returns null for no share or garbage, and skips malformed parts', () => {
    expect(decodeShare('')).toBeNull();
    expect(decodeShare('#怎么做')).toBeNull();
    expect(decodeShare('#share=%E0%A4%A')).toBeNull();
    expect(decodeShare('#share=' + encodeURIComponent('<img>:x|ok-list:a.B!.c'))!.get('ok-list')).toEqual(new Set(['a', 'c']));
  });
});

describe('item ids', () => {
  it('are stable across re-wrapping and differ between texts', () => {
    expect(deriveItemId('已写明 本次会议\n要解决的事项')).toBe(deriveItemId('已写明 本次会议 要解决的事项'));
    expect(deriveItemId('参会范围已确定')).not.toBe(deriveItemId('会议时长已确定'));
    expect(deriveItemId('参会范围已确定')).toMatch(/^t[0-9a-z]+$/);
    expect(normaliseItemText('  a \n b ')).toBe('a b');
  });
});

describe('plain-text copy', () => {
  it('lists items with ☑/☐, the title, date, progress and source', () => {
    const text = checklistText(
      '会前检查',
      [
        { text: '参会范围已确定', ticked: true },
        { text: '议程已压缩', ticked: false },
      ],
      new Date(2026, 10, 27),
      'https://handbook.example.org/meetings/attendance/',
    );
    expect(text).toBe(
      '会前检查\n日期：2026年11月27日    已完成 1/2\n\n☑ 参会范围已确定\n☐ 议程已压缩\n\n来源：https://handbook.example.org/meetings/attendance/',
    );
  });
});
