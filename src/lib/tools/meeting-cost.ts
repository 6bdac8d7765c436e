/**
 * 会议成本估算: how many person-hours a meeting costs, and how many other ways of doing
 * the same work would save. Pure functions used by <hb-meeting-cost> and the unit tests.
 *
 * The method (also explained in words on the page, for readers without JavaScript):
 *   one meeting   = attendees × (meeting length + travel there and back)
 *   relay layers  = each of K lower layers holds its own relay meeting, assumed to be the
 *                   same size, length and distance as this one → (1 + K) × one meeting
 *   smaller       = 按事项定人: each attending unit sends one person whose level fits the
 *                   matter (routine → the staff member handling it, major → the leader
 *                   in charge, overall → the principal leader; the 2021 commentary's rule)
 *   video         = no travel, same length
 *   written       = no meeting and no travel; each attendee spends the reading time given
 *   no relays     = only this meeting (tasks passed down in writing)
 *   all together  = one video meeting of the right people, no relays
 * Person-hours do not weigh rank and are not turned into money; no figure here comes
 * from outside the handbook's sources. Work is in whole minutes, so nothing rounds
 * until it is shown.
 */
import { formatDay } from './input';
import { formatHours, formatShare, parseWholeNumber, type WholeNumberField } from './number';

export const MATTERS = {
  routine: { label: '日常事项', attendee: '经办人员' },
  major: { label: '重要事项', attendee: '分管领导' },
  overall: { label: '全局性事项', attendee: '主要负责人' },
} as const;
export type Matter = keyof typeof MATTERS;

/** The fields as the form names them, with their limits. Limits are sanity bounds, not policy. */
export const FIELDS = {
  principal: { label: '主要负责人人数', min: 0, max: 10000, unit: '人', blank: 0 },
  deputy: { label: '分管领导人数', min: 0, max: 10000, unit: '人', blank: 0 },
  staff: { label: '一般干部人数', min: 0, max: 10000, unit: '人', blank: 0 },
  units: { label: '参会单位数', min: 1, max: 10000, unit: '个' },
  minutes: { label: '会议时长', min: 1, max: 1440, unit: '分钟' },
  travel: { label: '单程路上时间', min: 0, max: 1440, unit: '分钟' },
  layers: { label: '层层传达的层数', min: 0, max: 10, unit: '层', blank: 0 },
  reading: { label: '阅读办理通知的时间', min: 0, max: 1440, unit: '分钟' },
} as const satisfies Record<string, WholeNumberField>;
export type NumberField = keyof typeof FIELDS;

export type MeetingCostRaw = Partial<Record<NumberField | 'matter', unknown>>;
export type MeetingCostInput = Record<NumberField, number> & { matter: Matter };
export type FieldErrors = Partial<Record<NumberField | 'matter', string>>;

export type ParsedMeeting = { ok: true; input: MeetingCostInput } | { ok: false; errors: FieldErrors };

export function parseMeetingCost(raw: MeetingCostRaw): ParsedMeeting {
  const errors: FieldErrors = {};
  const values: Partial<Record<NumberField, number>> = {};
  for (const key of Object.keys(FIELDS) as NumberField[]) {
    const parsed = parseWholeNumber(raw[key], FIELDS[key]);
    if (parsed.ok) values[key] = parsed.value;
    else errors[key] = parsed.message;
  }
  const matter = typeof raw.matter === 'string' && raw.matter in MATTERS ? (raw.matter as Matter) : undefined;
  if (!matter) errors.matter = '请选择这次会议要解决的是哪一类事项。';
  const { principal, deputy, staff, units } = values;
  if (principal !== undefined && deputy !== undefined && staff !== undefined) {
    const total = principal + deputy + staff;
    if (total === 0) errors.staff = '参会人数合计是 0：至少要有 1 人参会才能估算。';
    else if (units !== undefined && units > total) errors.units = `参会单位数（${units}）不能多于参会总人数（${total}）。`;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { ...(values as Record<NumberField, number>), matter: matter! } };
}

export interface Scenario {
  key: 'smaller' | 'video' | 'written' | 'no-relay' | 'combined';
  label: string;
  /** Person-minutes the alternative still costs. */
  minutes: number;
  /** Person-minutes saved against the meeting as planned (never negative). */
  saved: number;
  /** Why the saving is small or zero, when it is. */
  note?: string;
}

export interface MeetingCostResult {
  input: MeetingCostInput;
  attendees: number;
  /** Person-minutes, as planned, including relay meetings. */
  meeting: number;
  travel: number;
  relay: number;
  total: number;
  /** Person-minutes of 主要负责人 and 分管领导 (including relays). */
  leaders: number;
  scenarios: Scenario[];
  assumptions: string[];
}

export function estimateMeetingCost(input: MeetingCostInput): MeetingCostResult {
  const { principal, deputy, staff, units, minutes, travel, layers, reading, matter } = input;
  const attendees = principal + deputy + staff;
  const copies = 1 + layers;
  const each = minutes + 2 * travel;
  const one = attendees * each;
  const total = copies * one;
  const smallerLeaders = matter === 'routine' ? 0 : units;

  const scenario = (key: Scenario['key'], label: string, cost: number, zeroNote?: string): Scenario => {
    const saved = Math.max(0, total - cost);
    return { key, label, minutes: cost, saved, ...(saved === 0 && zeroNote ? { note: zeroNote } : {}) };
  };
  const scenarios: Scenario[] = [
    scenario(
      'smaller',
      `按事项定人，开小会（每个单位只来一名${MATTERS[matter].attendee}）`,
      copies * units * each,
      '参会人数已经不多于参会单位数，按事项定人不再减少人数。',
    ),
    scenario('video', '改开视频会议（就近参加，不用赶路）', copies * attendees * minutes, '路上时间是 0，改开视频会议不再节省时间。'),
    scenario('written', '不开会，改发书面或线上通知', copies * attendees * reading, '阅读办理通知的时间不比开会加路上少，改发通知不省时间。'),
  ];
  if (layers > 0) {
    scenarios.push(scenario('no-relay', '只开这一次，不再层层开会传达（把任务分解到人）', one));
    scenarios.push(scenario('combined', '以上做法一起用：按事项定人、视频开会、不层层传达', units * minutes));
  } else {
    scenarios.push(scenario('combined', '以上做法一起用：按事项定人、视频开会', units * minutes, '这场会已经是人数最少、不用赶路的开法。'));
  }
  const smaller = scenarios[0];
  const leadersFreed = copies * Math.max(0, principal + deputy - smallerLeaders) * each;
  if (smaller.saved === 0 && leadersFreed > 0) {
    smaller.note = `人数不变，但领导干部可腾出约 ${formatHours(leadersFreed / 60)} 人·小时，改由${MATTERS[matter].attendee}参加。`;
  }

  const assumptions = [
    `人·小时 = 参会人数 ×（会议时长 + 往返路上时间）：会议 ${minutes} 分钟，单程路上 ${travel} 分钟，每人共 ${each} 分钟。`,
    '每人每小时按同样计算，不区分职级，也不折算成钱。',
    layers > 0
      ? `层层开会：下面还有 ${layers} 层各开一次传达会，假设每一层的人数、时长和路程都和这次相同；各层实际不同的，可以分层估算再相加。`
      : '没有下级层层开会传达。',
    `开小会：按事项定人，日常事项请经办人员、重要事项请分管领导、全局性事项请主要负责人；这次是${MATTERS[matter].label}，假设 ${units} 个参会单位各来一人。`,
    '视频会议：会议时长不变，假设就近参加，只省去路上的时间。',
    `书面或线上通知：不开会、不赶路，每人阅读办理按 ${reading} 分钟计。`,
    '只算在会场和路上的时间；准备材料、会后报送等没有计入，实际负担只会更大。',
  ];

  return { input, attendees, meeting: copies * attendees * minutes, travel: copies * attendees * 2 * travel, relay: layers * one, total, leaders: copies * (principal + deputy) * each, scenarios, assumptions };
}

/** One-sentence summary for the live region and the top of the copied text. */
export function meetingCostSummary(result: MeetingCostResult): string {
  const best = result.scenarios.reduce((a, b) => (b.saved > a.saved ? b : a));
  const head = `这场会（含层层传达）共消耗约 ${formatHours(result.total / 60)} 人·小时。`;
  return best.saved > 0
    ? `${head}最多可节省约 ${formatHours(best.saved / 60)} 人·小时（${formatShare(best.saved, result.total)}）：${best.label}。`
    : `${head}列出的做法都不能再节省时间。`;
}

/** Plain text for copying: inputs, result, alternatives, assumptions. */
export function meetingCostText(result: MeetingCostResult, date: Date, source?: string): string {
  const { input } = result;
  const h = (m: number) => `${formatHours(m / 60)} 人·小时`;
  return [
    '会议成本估算',
    `日期：${formatDay(date)}`,
    '',
    `参会：主要负责人 ${input.principal} 人，分管领导 ${input.deputy} 人，一般干部 ${input.staff} 人，共 ${result.attendees} 人，来自 ${input.units} 个单位`,
    `事项：${MATTERS[input.matter].label}；会议 ${input.minutes} 分钟；单程路上 ${input.travel} 分钟；层层传达 ${input.layers} 层；阅读通知 ${input.reading} 分钟`,
    '',
    meetingCostSummary(result),
    `其中开会 ${h(result.meeting)}，路上 ${h(result.travel)}${input.layers ? `；层层传达会占 ${h(result.relay)}` : ''}；领导干部 ${h(result.leaders)}。`,
    '',
    '换一种做法：',
    ...result.scenarios.map((s) => `- ${s.label}：约 ${h(s.minutes)}，节省 ${h(s.saved)}（${formatShare(s.saved, result.total)}）${s.note ? `。${s.note}` : ''}`),
    '',
    '估算的假设：',
    ...result.assumptions.map((a, i) => `${i + 1}. ${a}`),
    ...(source ? ['', `来源：${source}`] : []),
  ].join('\n');
}
