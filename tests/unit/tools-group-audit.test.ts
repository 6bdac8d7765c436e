import { describe, expect, it } from 'vitest';
import {
  auditGroups, auditText, daysSince, decodeGroups, encodeGroups, MAX_GROUPS, nextId, parseDay, parseGroup, STORAGE_KEY,
  type GroupEntry,
} from '../../src/lib/tools/group-audit';

const today = new Date(2026, 10, 27); // 2026-11-27, local time

const group = (id: string, over: Partial<GroupEntry> = {}): GroupEntry => ({
  id, name: `群${id}`, purpose: '日常通知', kind: 'standing', ended: false, lastUseful: '', department: '党政办', unrelated: false, ...over,
});

describe('reading one group from the form', () => {
  it('accepts a complete entry and trims it', () => {
    const parsed = parseGroup(
      { name: '  迎检 专项群 ', purpose: '', department: '党政办', kind: 'temporary', ended: true, lastUseful: '2026-11-01', unrelated: false },
      today,
    );
    expect(parsed).toEqual({
      ok: true,
      fields: { name: '迎检 专项群', purpose: '', department: '党政办', kind: 'temporary', ended: true, lastUseful: '2026-11-01', unrelated: false },
    });
  });

  it('names every missing or wrong field in Chinese', () => {
    const parsed = parseGroup({ name: ' ', department: '', kind: 'weekly', lastUseful: '2027-01-01', purpose: 'x'.repeat(101) }, today);
    expect(parsed).toEqual({
      ok: false,
      errors: {
        name: '请填写群名称。',
        department: '请填写所属部门：要靠它判断一个部门是不是有几个群。',
        kind: '请选择这是临时群还是常设群。',
        lastUseful: '最近一次有用消息的日期不能晚于今天。',
        purpose: '群的用途太长了，请控制在 100 个字以内。',
      },
    });
  });

  it('only a temporary group can have ended', () => {
    const parsed = parseGroup({ name: 'a', department: 'b', kind: 'standing', ended: true }, today);
    expect(parsed.ok && parsed.fields.ended).toBe(false);
  });

  it('survives values that are not text', () => {
    expect(parseGroup({ name: 42, department: {}, kind: null, lastUseful: [] } as never, today).ok).toBe(false);
  });
});

describe('dates', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026/3/1', '2026-03-01'],
    ['2026.3.1', '2026-03-01'],
    ['2026年3月1日', '2026-03-01'],
    ['', ''],
  ])('reads %j', (raw, value) => expect(parseDay(raw, today)).toEqual({ ok: true, value }));

  it.each([
    ['yesterday', '日期请按“年-月-日”填写，例如 2026-03-01。'],
    ['2026-02-30', '没有这一天（2026年2月30日），请检查日期。'],
    ['2026-13-01', '没有这一天（2026年13月1日），请检查日期。'],
    ['2026-11-28', '最近一次有用消息的日期不能晚于今天。'],
    ['1999-12-31', '日期太早了，请检查年份。'],
  ])('rejects %j', (raw, message) => expect(parseDay(raw, today)).toEqual({ ok: false, message }));

  it('counts whole days to today', () => {
    expect(daysSince('2026-11-27', today)).toBe(0);
    expect(daysSince('2026-10-28', today)).toBe(30);
    expect(daysSince('', today)).toBeNull();
  });
});

describe('the audit', () => {
  it('dissolves a temporary group whose work has ended', () => {
    const [f] = auditGroups([group('g1', { kind: 'temporary', ended: true, unrelated: true })], today).findings;
    expect(f.advice).toEqual(['dissolve']);
    expect(f.reasons[0]).toContain('任务结束就解散');
  });

  it('merges when a department has more than one group, not counting those being dissolved', () => {
    const report = auditGroups(
      [
        group('g1', { name: '党政办工作群' }),
        group('g2', { name: '党政办通知群', department: ' 党政办 ' }),
        group('g3', { name: '迎检群', kind: 'temporary', ended: true }),
        group('g4', { name: '应急办群', department: '应急办' }),
      ],
      today,
    );
    expect(report.findings.map((f) => f.advice)).toEqual([['merge'], ['merge'], ['dissolve'], ['keep']]);
    expect(report.findings[0].reasons[0]).toBe('“党政办”共有 2 个群（党政办工作群、党政办通知群）：原则上一个部门保留一个工作群。');
    expect(report.mergeDepartments).toEqual([{ department: '党政办', names: ['党政办工作群', '党政办通知群'] }]);
  });

  it('asks unrelated members to leave, alongside a merge', () => {
    const report = auditGroups([group('g1', { unrelated: true }), group('g2')], today);
    expect(report.findings[0].advice).toEqual(['merge', 'leave']);
    expect(report.counts).toEqual({ dissolve: 0, merge: 2, leave: 1, keep: 0 });
  });

  it('keeps a group with nothing to fix, and adds notes without inventing a threshold', () => {
    const [f] = auditGroups([group('g1', { purpose: '', kind: 'temporary', lastUseful: '2026-08-29' })], today).findings;
    expect(f.advice).toEqual(['keep']);
    expect(f.notes).toContain('最近一次有用的消息在 90 天前。');
    expect(f.notes).toContain('没写用途：一句话说不清用途的群，先想想还要不要。');
    expect(f.notes.join('')).toContain('写明预计解散时间');
  });

  it('summarises the counts', () => {
    const report = auditGroups(
      [group('g1', { kind: 'temporary', ended: true }), group('g2', { unrelated: true }), group('g3'), group('g4', { department: '应急办' })],
      today,
    );
    expect(report.summary).toBe('共 4 个群：建议解散 1 个，合并 2 个（涉及 1 个部门），请无关人员退群 1 个，保留不动 1 个。');
    expect(auditGroups([], today).summary).toBe('还没有登记工作群。');
  });

  it('prints a summary for the office', () => {
    const text = auditText(auditGroups([group('g1', { name: '迎检群', kind: 'temporary', ended: true })], today), today, 'https://x.example/');
    expect(text).toContain('工作群体检结果');
    expect(text).toContain('日期：2026年11月27日');
    expect(text).toContain('1. 迎检群（党政办，临时群，工作已结束）：解散');
    expect(text).toContain('来源：https://x.example/');
    expect(text).not.toMatch(/undefined|NaN/);
  });

  it('handles the 90-groups case from the commentary', () => {
    const many = Array.from({ length: 95 }, (_, i) => group(`g${i + 1}`, { department: `部门${i % 10}` }));
    const report = auditGroups(many, today);
    expect(report.counts.merge).toBe(95);
    expect(report.mergeDepartments).toHaveLength(10);
  });
});

describe('stored entries', () => {
  it('uses a versioned, namespaced key and round-trips', () => {
    expect(STORAGE_KEY).toBe('hb:tools:group-audit:v1');
    const entries = [group('g1'), group('g2', { kind: 'temporary', ended: true, lastUseful: '2026-01-02' })];
    const raw = encodeGroups(entries, 1700000000000);
    expect(JSON.parse(raw)).toMatchObject({ v: 1, updated: 1700000000000 });
    expect(decodeGroups(raw)).toEqual(entries);
  });

  it.each([
    ['nothing', null],
    ['not JSON', '{oops'],
    ['JSON null', 'null'],
    ['a number', '7'],
    ['another version', JSON.stringify({ v: 2, groups: [group('g1')] })],
    ['groups not a list', JSON.stringify({ v: 1, groups: 'g1' })],
  ])('reads %s as no groups', (_label, raw) => {
    expect(decodeGroups(raw)).toEqual([]);
  });

  it('drops malformed entries and keeps the rest', () => {
    const raw = JSON.stringify({
      v: 1,
      groups: [
        group('g1'),
        { ...group('g2'), kind: 'forever' },
        { ...group('g3'), name: '' },
        { ...group('g4'), name: 'x'.repeat(41) },
        { ...group('g5'), lastUseful: 'soon' },
        { ...group('g6'), unrelated: 'yes' },
        group('g1'), // duplicate id
        { ...group('bad id') },
        null,
        7,
        group('g9', { kind: 'standing', ended: true } as Partial<GroupEntry>),
      ],
    });
    const back = decodeGroups(raw);
    expect(back.map((e) => e.id)).toEqual(['g1', 'g9']);
    expect(back[1].ended).toBe(false);
  });

  it('caps the number of entries it reads', () => {
    const raw = encodeGroups(Array.from({ length: MAX_GROUPS + 20 }, (_, i) => group(`g${i + 1}`)));
    expect(decodeGroups(raw)).toHaveLength(MAX_GROUPS);
  });

  it('gives new entries the next free id', () => {
    expect(nextId([])).toBe('g1');
    expect(nextId([group('g1'), group('g7'), group('g3')])).toBe('g8');
  });
});
