/**
 * 是否需要发文: a short decision path ending in 不发 / 口头或线上通知 / 合并发 / 发文 (with
 * the length limit), and the reasons. Pure data and functions: the component renders the
 * questions from QUESTIONS, <hb-document-decision> walks them with `decide`.
 *
 * The path follows the handbook's reading of its sources (see content/documents/): the
 * 2021 commentary (issue only for overall, central or key work; optional documents are not
 * issued; merge what can be merged; no document where a spoken notice will do) and the
 * 2024 规定 (documents generally ≤ 5,000 characters except comprehensive work; special
 * tasks generally ≤ 4,000). It is a working aid, not policy text, and says so.
 *
 *   needed? ─no→ 不发
 *     │yes
 *   key? ─no→ basis? ─no→ 口头或线上通知
 *     │yes        │yes ─────────┐
 *   oral? ─yes→ 口头或线上通知  │
 *     │no                       │
 *   merge? ←────────────────────┘   (yes → 合并发, no → 发文; both then:)
 *   kind? ─comprehensive→ done
 *     │general/special
 *   length? → done (no: compress first)
 */
import { formatDay } from './input';

export const LIMITS = { general: 5000, special: 4000 } as const;

export const QUESTIONS = {
  needed: {
    text: '不发这份文件，工作会受到实际影响吗？',
    hint: '例如资金无法拨付、责任无法落实、对外没有依据。只是重申上级要求、表个态或“留个依据”的，属于可发可不发。',
    options: { yes: '会受影响', no: '不会，可发可不发' },
  },
  key: {
    text: '这是全局性、中心性或重点性工作吗？',
    options: { yes: '是', no: '不是，属于日常性、事务性或一次性安排' },
  },
  basis: {
    text: '这件事需要书面依据吗？',
    hint: '涉及资金、编制、权责划分或群众权益，要长期执行、作为制度存档，或者上级明确要求制定配套文件。',
    options: { yes: '需要', no: '不需要' },
  },
  oral: {
    text: '打电话、在例会上布置或发线上通知，能把事情办成吗？',
    options: { yes: '能', no: '不能，需要正式文件' },
  },
  merge: {
    text: '能和近期要发的其他文件合并吗？',
    hint: '同一事项、同一批对象，或几个部门就相近工作各自要发的文件，由牵头单位合成一份。',
    options: { yes: '能合并', no: '没有可以合并的' },
  },
  kind: {
    text: '这份文件部署的是哪一类工作？',
    options: {
      general: '一般工作（正文一般不超过5000字）',
      special: '专项工作或具体任务（一般不超过4000字）',
      comprehensive: '综合性工作（不受5000字的一般上限限制）',
    },
  },
  length: {
    text: '正文能控制在这个字数以内吗？',
    options: { yes: '能', no: '现在写不下' },
  },
} as const;

export type QuestionId = keyof typeof QUESTIONS;
export type Answers = Partial<Record<QuestionId, string>>;
export type OutcomeKind = 'none' | 'oral' | 'merge' | 'issue';

export interface Outcome {
  kind: OutcomeKind;
  /** 不发 / 口头或线上通知 / 合并发（…） / 发文（…） */
  title: string;
  /** Character limit of the body text, or null (no document, or comprehensive work). */
  limit: number | null;
  reasons: string[];
  next: string[];
}

export interface Decision {
  /** Questions to show, in order: those answered on the path, then the next one (if any). */
  path: QuestionId[];
  outcome: Outcome | null;
}

export const NOTE = '本建议按本手册整理的判断方法得出，不是政策原文。字数上限出自中办、国办《若干规定》第一部分，是“一般”上限，依据和核对情况见手册“政策文件库”。';

const REASONS: Record<QuestionId, Record<string, string>> = {
  needed: {
    yes: '不发文会影响工作落实，确有必要把事情传达到位。',
    no: '不发文工作也不受实际影响，属于可发可不发；可发可不发的，不发。',
  },
  key: {
    yes: '属于全局性、中心性或重点性工作，正是发文应当聚焦的范围。',
    no: '不属于全局性、中心性或重点性工作，一般不为它专门发文。',
  },
  basis: {
    yes: '需要书面依据，只靠口头通知不够。',
    no: '不需要书面依据，用电话、例会或线上通知就能办。',
  },
  oral: {
    yes: '口头或线上通知能解决的，不发文。',
    no: '口头或线上通知解决不了，需要正式行文。',
  },
  merge: {
    yes: '能与近期其他文件合并，合成一份发，不各发各的。',
    no: '没有可以合并的文件，单独发文。',
  },
  kind: {
    general: '一般文件正文一般不超过5000字。',
    special: '部署专项工作或具体任务的文件，正文一般不超过4000字。',
    comprehensive: '部署综合性工作的文件不受5000字的一般上限限制，但同样要写得短、实、新。',
  },
  length: {
    yes: '正文能控制在上限以内。',
    no: '目前写不到上限以内：先删去背景铺陈和重复上级文件的内容，压缩后再发。',
  },
};

function valid(answers: Answers, id: QuestionId): string | undefined {
  const value = answers[id];
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(QUESTIONS[id].options, value) ? value : undefined;
}

/** Walk the path as far as the answers go. Unknown or tampered answers count as unanswered. */
export function decide(answers: Answers): Decision {
  const path: QuestionId[] = [];
  const taken: [QuestionId, string][] = [];
  const ask = (id: QuestionId): string | undefined => {
    path.push(id);
    const value = valid(answers, id);
    if (value) taken.push([id, value]);
    return value;
  };
  const done = (kind: OutcomeKind, limit: number | null = null): Decision => ({ path, outcome: outcome(kind, limit, taken) });

  const needed = ask('needed');
  if (!needed) return { path, outcome: null };
  if (needed === 'no') return done('none');
  const key = ask('key');
  if (!key) return { path, outcome: null };
  if (key === 'no') {
    const basis = ask('basis');
    if (!basis) return { path, outcome: null };
    if (basis === 'no') return done('oral');
  } else {
    const oral = ask('oral');
    if (!oral) return { path, outcome: null };
    if (oral === 'yes') return done('oral');
  }
  const merge = ask('merge');
  if (!merge) return { path, outcome: null };
  const kind = ask('kind');
  if (!kind) return { path, outcome: null };
  const result = merge === 'yes' ? 'merge' : 'issue';
  if (kind === 'comprehensive') return done(result);
  const length = ask('length');
  if (!length) return { path, outcome: null };
  return done(result, LIMITS[kind as keyof typeof LIMITS]);
}

function outcome(kind: OutcomeKind, limit: number | null, taken: [QuestionId, string][]): Outcome {
  const reasons = taken.map(([id, value]) => REASONS[id][value]);
  const compress = taken.some(([id, value]) => id === 'length' && value === 'no');
  const cap = limit ? `正文一般不超过${limit}字` : '篇幅从严控制';
  const next: Record<OutcomeKind, string[]> = {
    none: ['直接执行上级文件或已有制度；需要提醒的，打个电话即可。', '在拟稿单或工作记录上写明“经判断不发文”和理由。'],
    oral: ['写清告知谁、办什么、什么时候以前办成、有事找谁。', '线上通知只发给相关的人，不要求打卡接龙，不要求即时回复。'],
    merge: ['与牵头单位商量合并，在一份文件里写清每项任务的责任单位和时限。', `合并后${cap}${compress ? '，先压缩再发' : ''}。`, '不附带与工作无关的材料报送要求。'],
    issue: ['把“谁、干什么、何时完成”写在前面。', `${cap}${compress ? '，先压缩再发' : ''}；附件只留必需的表格。`, '不附带与工作无关的材料报送要求。'],
  };
  const titles: Record<OutcomeKind, string> = {
    none: '不发',
    oral: '口头或线上通知',
    merge: `合并发（合并后${cap}）`,
    issue: `发文（${cap}）`,
  };
  return { kind, title: titles[kind], limit, reasons, next: next[kind] };
}

/** Plain text for copying and filing: the subject, the questions as answered, the advice and reasons. */
export function decisionText(answers: Answers, subject: string, date: Date, source?: string): string {
  const { path, outcome } = decide(answers);
  const asked = path.filter((id) => valid(answers, id));
  const label = (id: QuestionId) => (QUESTIONS[id].options as Record<string, string>)[valid(answers, id)!];
  return [
    '是否需要发文 · 判断记录',
    `日期：${formatDay(date)}`,
    ...(subject ? [`拟发文件：${subject}`] : []),
    '',
    `建议：${outcome ? outcome.title : '（还没有答完）'}`,
    '',
    '判断过程：',
    ...asked.map((id, i) => `${i + 1}. ${QUESTIONS[id].text} ${label(id)}`),
    ...(outcome
      ? ['', '理由：', ...outcome.reasons.map((r) => `- ${r}`), '', '下一步：', ...outcome.next.map((n) => `- ${n}`)]
      : []),
    '',
    NOTE,
    ...(source ? [`来源：${source}`] : []),
  ].join('\n');
}
