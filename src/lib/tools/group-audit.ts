/**
 * 工作群体检: the reader lists their work groups; this flags the ones to dissolve, merge
 * or clear of unrelated members, following the 2021 commentary's rules as the handbook
 * states them (content/chat-groups/groups.mdx): a temporary group is dissolved when its
 * work ends; in principle one group per department; people unrelated to the work leave.
 * Pure functions used by <hb-group-audit> and the unit tests.
 *
 * Stored shape (localStorage, this browser only; nothing is sent anywhere):
 *   key    "hb:tools:group-audit:v1"
 *   value  {"v":1,"groups":[GroupEntry, …],"updated":<ms since epoch>}
 *   GroupEntry {"id":"g3","name":"…","purpose":"…","kind":"temporary"|"standing",
 *               "ended":bool,"lastUseful":"YYYY-MM-DD"|"","department":"…","unrelated":bool}
 * Lifecycle: written whenever an entry is added, changed or deleted; removed by 清空;
 * read when the page loads and when another tab writes the key (the `storage` event).
 * Anything unreadable (bad JSON, another version, wrong types) reads as no groups; a
 * single malformed entry is dropped and the rest kept. A new shape gets a new key.
 */
import { formatDay, parseText, type Parsed } from './input';

export const STORAGE_KEY = 'hb:tools:group-audit:v1';
export const STORAGE_VERSION = 1;
/** Sanity bounds: the commentary's example cadre was in more than 90 groups. */
export const MAX_GROUPS = 300;
export const MAX = { name: 40, purpose: 100, department: 30 } as const;

export type GroupKind = 'temporary' | 'standing';
export interface GroupEntry {
  id: string;
  name: string;
  purpose: string;
  kind: GroupKind;
  /** Temporary groups only: their work has ended. */
  ended: boolean;
  /** Date of the last useful message, YYYY-MM-DD, or '' when not known. */
  lastUseful: string;
  department: string;
  /** Members unrelated to the work are in the group. */
  unrelated: boolean;
}
export type GroupFields = Omit<GroupEntry, 'id'>;
export type GroupRaw = Partial<Record<keyof GroupFields, unknown>>;
export type GroupErrors = Partial<Record<keyof GroupFields, string>>;

const pad = (n: number) => String(n).padStart(2, '0');
/** Local calendar day as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A calendar date typed as 2026-03-01, 2026/3/1, 2026.3.1 or 2026年3月1日; not in the future. */
export function parseDay(raw: unknown, today: Date): Parsed<string> {
  const text = typeof raw === 'string' ? raw.replace(/\s+/g, '') : '';
  if (!text) return { ok: true, value: '' };
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  const message = '日期请按“年-月-日”填写，例如 2026-03-01。';
  if (!m) return { ok: false, message };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return { ok: false, message: `没有这一天（${m[1]}年${mo}月${d}日），请检查日期。` };
  }
  const value = `${m[1]}-${pad(mo)}-${pad(d)}`;
  if (value > isoDay(today)) return { ok: false, message: '最近一次有用消息的日期不能晚于今天。' };
  if (y < 2000) return { ok: false, message: '日期太早了，请检查年份。' };
  return { ok: true, value };
}

/** Whole days from an ISO day to today (0 = today). */
export function daysSince(day: string, today: Date): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const then = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.max(0, Math.round((now - then) / 86_400_000));
}

export function parseGroup(raw: GroupRaw, today: Date): { ok: true; fields: GroupFields } | { ok: false; errors: GroupErrors } {
  const errors: GroupErrors = {};
  const name = parseText(raw.name, '群名称', MAX.name, true);
  const purpose = parseText(raw.purpose, '群的用途', MAX.purpose, false);
  const department = parseText(raw.department, '所属部门', MAX.department, true);
  const lastUseful = parseDay(raw.lastUseful, today);
  if (!name.ok) errors.name = name.message;
  if (!purpose.ok) errors.purpose = purpose.message;
  if (!department.ok) {
    errors.department = department.message.startsWith('请填写') ? '请填写所属部门：要靠它判断一个部门是不是有几个群。' : department.message;
  }
  if (!lastUseful.ok) errors.lastUseful = lastUseful.message;
  const kind = raw.kind === 'temporary' || raw.kind === 'standing' ? raw.kind : undefined;
  if (!kind) errors.kind = '请选择这是临时群还是常设群。';
  if (!name.ok || !purpose.ok || !department.ok || !lastUseful.ok || !kind) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      name: name.value,
      purpose: purpose.value,
      kind,
      ended: kind === 'temporary' && raw.ended === true,
      lastUseful: lastUseful.value,
      department: department.value,
      unrelated: raw.unrelated === true,
    },
  };
}

/** Next free id: g1, g2, … */
export function nextId(entries: readonly GroupEntry[]): string {
  const max = entries.reduce((n, e) => Math.max(n, Number(/^g(\d+)$/.exec(e.id)?.[1] ?? 0)), 0);
  return `g${max + 1}`;
}

export type Advice = 'dissolve' | 'merge' | 'leave' | 'keep';
export const ADVICE: Record<Advice, string> = { dissolve: '解散', merge: '合并', leave: '请无关人员退群', keep: '保留' };

export interface Finding {
  entry: GroupEntry;
  advice: Advice[];
  reasons: string[];
  notes: string[];
}
export interface AuditReport {
  findings: Finding[];
  counts: Record<Advice, number>;
  /** Departments with more than one group left after dissolving, and their groups' names. */
  mergeDepartments: { department: string; names: string[] }[];
  summary: string;
}

const deptKey = (d: string) => d.replace(/\s+/g, '').toLowerCase();

export function auditGroups(entries: readonly GroupEntry[], today: Date): AuditReport {
  const dissolve = (e: GroupEntry) => e.kind === 'temporary' && e.ended;
  const byDept = new Map<string, GroupEntry[]>();
  for (const e of entries) {
    if (dissolve(e)) continue;
    const key = deptKey(e.department);
    byDept.set(key, [...(byDept.get(key) ?? []), e]);
  }
  const mergeDepartments = [...byDept.values()]
    .filter((list) => list.length > 1)
    .map((list) => ({ department: list[0].department, names: list.map((e) => e.name) }));

  const findings = entries.map((entry): Finding => {
    const advice: Advice[] = [];
    const reasons: string[] = [];
    const notes: string[] = [];
    if (dissolve(entry)) {
      advice.push('dissolve');
      reasons.push('临时群的工作已经结束：任务结束就解散，需要归档的文件另行保存。');
    } else {
      const same = byDept.get(deptKey(entry.department)) ?? [];
      if (same.length > 1) {
        advice.push('merge');
        reasons.push(`“${entry.department}”共有 ${same.length} 个群（${same.map((e) => e.name).join('、')}）：原则上一个部门保留一个工作群。`);
      }
      if (entry.unrelated) {
        advice.push('leave');
        reasons.push('群里有与工作无关的人员：请他们退群，退群不算不配合。');
      }
      if (entry.kind === 'temporary') notes.push('临时群：在群公告里写明预计解散时间，工作结束就解散。');
    }
    if (!advice.length) {
      advice.push('keep');
      reasons.push('按这三条规则，没有发现需要处理的问题。');
    }
    const idle = daysSince(entry.lastUseful, today);
    if (idle !== null) notes.push(idle === 0 ? '今天还有有用的消息。' : `最近一次有用的消息在 ${idle} 天前。`);
    if (!entry.purpose) notes.push('没写用途：一句话说不清用途的群，先想想还要不要。');
    return { entry, advice, reasons, notes };
  });

  const counts: Record<Advice, number> = { dissolve: 0, merge: 0, leave: 0, keep: 0 };
  for (const f of findings) for (const a of f.advice) counts[a]++;
  const summary = entries.length
    ? `共 ${entries.length} 个群：建议解散 ${counts.dissolve} 个，合并 ${counts.merge} 个（涉及 ${mergeDepartments.length} 个部门），` +
      `请无关人员退群 ${counts.leave} 个，保留不动 ${counts.keep} 个。`
    : '还没有登记工作群。';
  return { findings, counts, mergeDepartments, summary };
}

/** Printable and copyable summary. */
export function auditText(report: AuditReport, date: Date, source?: string): string {
  const kind = (e: GroupEntry) => (e.kind === 'temporary' ? (e.ended ? '临时群，工作已结束' : '临时群') : '常设群');
  return [
    '工作群体检结果',
    `日期：${formatDay(date)}`,
    '',
    report.summary,
    ...report.findings.flatMap((f, i) => [
      '',
      `${i + 1}. ${f.entry.name}（${f.entry.department}，${kind(f.entry)}）：${f.advice.map((a) => ADVICE[a]).join('、')}`,
      ...(f.entry.purpose ? [`   用途：${f.entry.purpose}`] : []),
      ...[...f.reasons, ...f.notes].map((r) => `   - ${r}`),
    ]),
    '',
    '依据：临时群工作结束就解散；一个部门原则上一个工作群；与工作无关的人员退群（见本手册“工作群的建立、合并与解散”一章）。',
    ...(source ? [`来源：${source}`] : []),
  ].join('\n');
}

export function encodeGroups(entries: readonly GroupEntry[], now = Date.now()): string {
  return JSON.stringify({ v: STORAGE_VERSION, groups: entries, updated: now });
}

const text = (v: unknown, max: number) => typeof v === 'string' && [...v].length <= max;

/** Stored groups; unreadable data gives [], a malformed entry is dropped. */
export function decodeGroups(raw: string | null | undefined): GroupEntry[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!data || typeof data !== 'object') return [];
  const { v, groups } = data as { v?: unknown; groups?: unknown };
  if (v !== STORAGE_VERSION || !Array.isArray(groups)) return [];
  const seen = new Set<string>();
  const out: GroupEntry[] = [];
  for (const g of groups) {
    if (!g || typeof g !== 'object') continue;
    const e = g as Record<string, unknown>;
    const ok =
      typeof e.id === 'string' && /^g\d{1,9}$/.test(e.id) && !seen.has(e.id) &&
      text(e.name, MAX.name) && (e.name as string).trim() !== '' &&
      text(e.purpose, MAX.purpose) &&
      text(e.department, MAX.department) && (e.department as string).trim() !== '' &&
      (e.kind === 'temporary' || e.kind === 'standing') &&
      typeof e.ended === 'boolean' && typeof e.unrelated === 'boolean' &&
      typeof e.lastUseful === 'string' && /^(\d{4}-\d{2}-\d{2})?$/.test(e.lastUseful);
    if (!ok) continue;
    seen.add(e.id as string);
    out.push({
      id: e.id as string,
      name: e.name as string,
      purpose: e.purpose as string,
      kind: e.kind as GroupKind,
      ended: e.kind === 'temporary' && (e.ended as boolean),
      lastUseful: e.lastUseful as string,
      department: e.department as string,
      unrelated: e.unrelated as boolean,
    });
    if (out.length === MAX_GROUPS) break;
  }
  return out;
}
