import { describe, expect, it } from 'vitest';
import { formatHours, formatShare, normaliseDigits, parseWholeNumber } from '../../src/lib/tools/number';
import {
  estimateMeetingCost, FIELDS, meetingCostSummary, meetingCostText, parseMeetingCost, type MeetingCostRaw,
} from '../../src/lib/tools/meeting-cost';

/** 20 units × (principal + deputy + staff), 2 h meeting, 1 h each way, two relay layers. */
const typical: MeetingCostRaw = {
  principal: '20', deputy: '20', staff: '20', units: '20', minutes: '120', travel: '60', reading: '15', layers: '2', matter: 'routine',
};

function estimate(raw: MeetingCostRaw) {
  const parsed = parseMeetingCost(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return estimateMeetingCost(parsed.input);
}

describe('reading a number field', () => {
  const field = FIELDS.minutes;
  it.each([
    ['120', 120],
    [' 120 ', 120],
    ['１２０', 120],
    ['1,200', 1200],
    ['120.0', 120],
    ['0120', 120],
  ])('reads %j as %d', (raw, value) => {
    expect(parseWholeNumber(raw, field)).toEqual({ ok: true, value });
  });

  it.each([
    ['', '请填写会议时长。'],
    ['abc', '会议时长请用阿拉伯数字填写，例如 20。'],
    ['两小时', '会议时长请用阿拉伯数字填写，例如 20。'],
    ['1e3', '会议时长请用阿拉伯数字填写，例如 20。'],
    ['NaN', '会议时长请用阿拉伯数字填写，例如 20。'],
    ['Infinity', '会议时长请用阿拉伯数字填写，例如 20。'],
    ['-30', '会议时长不能是负数。'],
    ['－30', '会议时长不能是负数。'],
    ['1.5', '会议时长请填写整数。'],
    ['0', '会议时长至少要填 1 分钟。'],
    ['1441', '会议时长最多 1440 分钟，请检查是不是多写了几位。'],
    ['9'.repeat(400), '会议时长最多 1440 分钟，请检查是不是多写了几位。'],
  ])('rejects %j with a clear message', (raw, message) => {
    expect(parseWholeNumber(raw, field)).toEqual({ ok: false, message });
  });

  it('treats a blank count as 0 where the form says “没有就留空”', () => {
    expect(parseWholeNumber('', FIELDS.principal)).toEqual({ ok: true, value: 0 });
    expect(parseWholeNumber(undefined, FIELDS.layers)).toEqual({ ok: true, value: 0 });
  });

  it('normalises full-width input from a Chinese IME', () => {
    expect(normaliseDigits('１，２００　')).toBe('1200');
  });
});

describe('formatting', () => {
  it('rounds hours to one decimal with thousands separators, never NaN', () => {
    expect(formatHours(720)).toBe('720');
    expect(formatHours(1234.56)).toBe('1,234.6');
    expect(formatHours(0)).toBe('0');
    expect(formatHours(1 / 60)).toBe('不到 0.1');
    expect(formatHours(Number.NaN)).toBe('—');
    expect(formatHours(Infinity)).toBe('—');
  });

  it('gives a share of a zero whole as 0%', () => {
    expect(formatShare(480, 720)).toBe('67%');
    expect(formatShare(0, 0)).toBe('0%');
    expect(formatShare(1, 1000)).toBe('不到 1%');
  });
});

describe('validating the whole form', () => {
  it('collects every problem at once, each in Chinese, keyed by field', () => {
    const parsed = parseMeetingCost({ ...typical, minutes: 'abc', travel: '-5', layers: '99', matter: 'other' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      minutes: '会议时长请用阿拉伯数字填写，例如 20。',
      travel: '单程路上时间不能是负数。',
      layers: '层层传达的层数最多 10 层，请检查是不是多写了几位。',
      matter: '请选择这次会议要解决的是哪一类事项。',
    });
  });

  it('asks for at least one attendee', () => {
    const parsed = parseMeetingCost({ ...typical, principal: '', deputy: '0', staff: '' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.staff).toBe('参会人数合计是 0：至少要有 1 人参会才能估算。');
  });

  it('does not allow more units than people', () => {
    const parsed = parseMeetingCost({ ...typical, units: '61' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.units).toBe('参会单位数（61）不能多于参会总人数（60）。');
  });

  it('survives input that is not text at all', () => {
    const parsed = parseMeetingCost({ principal: {}, deputy: null, staff: [], units: Symbol.iterator, minutes: NaN, travel: true } as never);
    expect(parsed.ok).toBe(false);
  });
});

describe('the estimate', () => {
  it('counts meeting and travel time for everyone, and each relay layer again', () => {
    const r = estimate(typical);
    expect(r.attendees).toBe(60);
    // One meeting: 60 people × (120 + 2 × 60) min = 240 person-hours; three layers in all.
    expect(r.total / 60).toBe(720);
    expect(r.meeting / 60).toBe(360);
    expect(r.travel / 60).toBe(360);
    expect(r.relay / 60).toBe(480);
    expect(r.leaders / 60).toBe(480);
  });

  it('prices the alternatives', () => {
    const byKey = Object.fromEntries(estimate(typical).scenarios.map((s) => [s.key, s]));
    // 按事项定人: 20 staff members instead of 60 people.
    expect(byKey.smaller.minutes / 60).toBe(240);
    expect(byKey.smaller.saved / 60).toBe(480);
    expect(byKey.smaller.label).toContain('经办人员');
    // Video: no travel.
    expect(byKey.video.saved / 60).toBe(360);
    // Written notice: 15 min each, three layers.
    expect(byKey.written.minutes / 60).toBe(45);
    expect(byKey.written.saved / 60).toBe(675);
    // No relays: only this meeting.
    expect(byKey['no-relay'].saved / 60).toBe(480);
    // All together: 20 people, 2 h, once.
    expect(byKey.combined.minutes / 60).toBe(40);
  });

  it('says when an alternative saves nothing, instead of a negative saving', () => {
    const r = estimate({ ...typical, principal: '20', deputy: '', staff: '', units: '20', travel: '0', reading: '600', layers: '' });
    const byKey = Object.fromEntries(r.scenarios.map((s) => [s.key, s]));
    expect(byKey.video.saved).toBe(0);
    expect(byKey.video.note).toBe('路上时间是 0，改开视频会议不再节省时间。');
    expect(byKey.written.saved).toBe(0);
    expect(byKey.written.note).toContain('改发通知不省时间');
    // Same head count, but the principal leaders' hours go back to them.
    expect(byKey.smaller.saved).toBe(0);
    expect(byKey.smaller.note).toBe('人数不变，但领导干部可腾出约 40 人·小时，改由经办人员参加。');
    expect(byKey['no-relay']).toBeUndefined();
    expect(r.scenarios.every((s) => s.saved >= 0)).toBe(true);
  });

  it('a matter of overall importance keeps the principal leaders', () => {
    const r = estimate({ ...typical, matter: 'overall' });
    expect(r.scenarios[0].label).toContain('主要负责人');
    expect(r.assumptions.join('')).toContain('这次是全局性事项');
  });

  it('shows its assumptions with the reader’s own numbers', () => {
    const text = estimate(typical).assumptions.join('\n');
    expect(text).toContain('会议 120 分钟，单程路上 60 分钟');
    expect(text).toContain('下面还有 2 层各开一次传达会');
    expect(text).toContain('20 个参会单位各来一人');
    expect(text).toContain('每人阅读办理按 15 分钟计');
    expect(text).toContain('不折算成钱');
  });

  it('stays finite at the largest allowed input', () => {
    const r = estimate({ principal: '10000', deputy: '10000', staff: '10000', units: '10000', minutes: '1440', travel: '1440', reading: '1440', layers: '10', matter: 'major' });
    expect(Number.isFinite(r.total)).toBe(true);
    const text = meetingCostText(r, new Date(2026, 10, 27));
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    expect(text).toContain('15,840,000');
  });

  it('a one-minute meeting of one person reads sensibly', () => {
    const r = estimate({ staff: '1', units: '1', minutes: '1', travel: '0', reading: '0', matter: 'routine' });
    expect(meetingCostSummary(r)).toBe('这场会（含层层传达）共消耗约 不到 0.1 人·小时。最多可节省约 不到 0.1 人·小时（100%）：不开会，改发书面或线上通知。');
  });
});

describe('the copied text', () => {
  it('holds the inputs, the result, each alternative and the assumptions', () => {
    const text = meetingCostText(estimate(typical), new Date(2026, 2, 1), 'https://handbook.example.org/meetings/necessity/');
    expect(text.split('\n')[0]).toBe('会议成本估算');
    expect(text).toContain('日期：2026年3月1日');
    expect(text).toContain('主要负责人 20 人，分管领导 20 人，一般干部 20 人，共 60 人，来自 20 个单位');
    expect(text).toContain('这场会（含层层传达）共消耗约 720 人·小时。');
    expect(text).toContain('- 改开视频会议（就近参加，不用赶路）：约 360 人·小时，节省 360 人·小时（50%）');
    expect(text).toContain('估算的假设：\n1. ');
    expect(text).toContain('来源：https://handbook.example.org/meetings/necessity/');
  });
});
