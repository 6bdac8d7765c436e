import { describe, expect, it } from 'vitest';
import { decide, decisionText, LIMITS, NOTE, QUESTIONS, type Answers } from '../../src/lib/tools/document-decision';

const outcome = (answers: Answers) => decide(answers).outcome;

describe('the decision path', () => {
  it('starts with one question and grows as the reader answers', () => {
    expect(decide({})).toEqual({ path: ['needed'], outcome: null });
    expect(decide({ needed: 'yes' }).path).toEqual(['needed', 'key']);
    expect(decide({ needed: 'yes', key: 'yes' }).path).toEqual(['needed', 'key', 'oral']);
    expect(decide({ needed: 'yes', key: 'no' }).path).toEqual(['needed', 'key', 'basis']);
  });

  it('不发: an optional document is not issued', () => {
    const o = outcome({ needed: 'no' })!;
    expect(o.kind).toBe('none');
    expect(o.title).toBe('不发');
    expect(o.reasons).toEqual(['不发文工作也不受实际影响，属于可发可不发；可发可不发的，不发。']);
    expect(o.limit).toBeNull();
  });

  it('口头或线上通知: routine work that needs no written basis', () => {
    const o = outcome({ needed: 'yes', key: 'no', basis: 'no' })!;
    expect(o.kind).toBe('oral');
    expect(o.title).toBe('口头或线上通知');
    expect(o.reasons).toHaveLength(3);
    expect(o.next.join('')).toContain('不要求打卡接龙');
  });

  it('口头或线上通知: key work that a spoken or online notice will carry', () => {
    expect(outcome({ needed: 'yes', key: 'yes', oral: 'yes' })!.kind).toBe('oral');
  });

  it('合并发 with the length limit of a special-task document', () => {
    const o = outcome({ needed: 'yes', key: 'yes', oral: 'no', merge: 'yes', kind: 'special', length: 'yes' })!;
    expect(o.kind).toBe('merge');
    expect(o.limit).toBe(4000);
    expect(o.title).toBe('合并发（合并后正文一般不超过4000字）');
  });

  it('发文 with the general limit', () => {
    const o = outcome({ needed: 'yes', key: 'yes', oral: 'no', merge: 'no', kind: 'general', length: 'yes' })!;
    expect(o.kind).toBe('issue');
    expect(o.limit).toBe(LIMITS.general);
    expect(o.title).toBe('发文（正文一般不超过5000字）');
  });

  it('routine work that needs a written basis skips the spoken-notice question', () => {
    const d = decide({ needed: 'yes', key: 'no', basis: 'yes', oral: 'yes' });
    expect(d.path).toEqual(['needed', 'key', 'basis', 'merge']);
    expect(d.outcome).toBeNull();
  });

  it('comprehensive work has no fixed limit and no length question', () => {
    const d = decide({ needed: 'yes', key: 'yes', oral: 'no', merge: 'no', kind: 'comprehensive' });
    expect(d.path).not.toContain('length');
    expect(d.outcome!.limit).toBeNull();
    expect(d.outcome!.title).toBe('发文（篇幅从严控制）');
  });

  it('too long: still 发文, but compress first', () => {
    const o = outcome({ needed: 'yes', key: 'yes', oral: 'no', merge: 'no', kind: 'special', length: 'no' })!;
    expect(o.reasons.at(-1)).toContain('先删去背景铺陈');
    expect(o.next.join('')).toContain('先压缩再发');
  });

  it('ignores answers off the path, so changing an early answer re-forms the path', () => {
    const d = decide({ needed: 'no', key: 'yes', oral: 'no', merge: 'yes', kind: 'general', length: 'yes' });
    expect(d.path).toEqual(['needed']);
    expect(d.outcome!.kind).toBe('none');
  });

  it.each([
    ['an unknown value', { needed: 'maybe' }],
    ['a prototype key', { needed: 'toString' }],
    ['a non-string', { needed: 1 as never }],
    ['a tampered later answer', { needed: 'yes', key: 'yes', oral: '<img>' }],
  ])('treats %s as unanswered', (_label, answers) => {
    const d = decide(answers as Answers);
    expect(d.outcome).toBeNull();
  });

  it('every question has Chinese text and at least two options', () => {
    for (const q of Object.values(QUESTIONS)) {
      expect(q.text).toMatch(/[\u4e00-\u9fff]/);
      expect(Object.keys(q.options).length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('the record for the file', () => {
  it('holds the subject, the questions as answered, the advice, reasons and next steps', () => {
    const answers = { needed: 'yes', key: 'yes', oral: 'no', merge: 'yes', kind: 'special', length: 'yes' };
    const text = decisionText(answers, '关于开展秋冬季安全生产检查的通知', new Date(2026, 10, 27), 'https://handbook.example.org/documents/necessity/');
    const lines = text.split('\n');
    expect(lines[0]).toBe('是否需要发文 · 判断记录');
    expect(text).toContain('日期：2026年11月27日');
    expect(text).toContain('拟发文件：关于开展秋冬季安全生产检查的通知');
    expect(text).toContain('建议：合并发（合并后正文一般不超过4000字）');
    expect(text).toContain('1. 不发这份文件，工作会受到实际影响吗？ 会受影响');
    expect(text).toContain('6. 正文能控制在这个字数以内吗？ 能');
    expect(text).toContain('理由：\n- ');
    expect(text).toContain('下一步：\n- ');
    expect(text).toContain(NOTE);
    expect(text).toContain('来源：https://handbook.example.org/documents/necessity/');
  });

  it('says when the reader has not finished', () => {
    const text = decisionText({ needed: 'yes' }, '', new Date(2026, 0, 1));
    expect(text).toContain('建议：（还没有答完）');
    expect(text).not.toContain('拟发文件');
    expect(text).not.toMatch(/undefined|NaN/);
  });
});
