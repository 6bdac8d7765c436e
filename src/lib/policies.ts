/**
 * Policy records (content/policies/, schema in schema.ts): how a record is named, dated and
 * cited wherever it appears — a citation in running text, a chapter's 依据 list, the
 * record's own page, the timeline. Pure functions over the record's data (no Astro APIs),
 * so each wording is made in one place and unit-tested.
 */
import type { PolicyData } from './schema.ts';

export type DateKey = keyof PolicyData['dates'];

/** '2024-08-06' → 2024年8月6日, '2019-03' → 2019年3月, '2019' → 2019年. */
export function formatPartialDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m ? `${m}月` : ''}${d ? `${d}日` : ''}`;
}

/** What each date records, as a verb after the date: “2024年8月6日印发”. */
export const DATE_VERBS: Record<DateKey, string> = {
  approved: '审议批准',
  issued: '印发',
  reported: '公开报道',
  published: '全文公开',
  held: '召开',
};

/** The labels of the dates on a record's page, in the order they happen. */
export const DATE_LABELS: [DateKey, string][] = [
  ['held', '召开'],
  ['approved', '审议批准'],
  ['issued', '印发'],
  ['reported', '首次公开报道'],
  ['published', '全文公开'],
];

/**
 * The date a record is known by: a meeting's day, else when it was issued, else when it
 * became known (reported), else published or approved. With the verb that fits it.
 */
export function mainDate(data: Pick<PolicyData, 'dates' | 'kind'>): { date: string; verb: string; key: DateKey } {
  const order: DateKey[] = ['held', 'issued', 'reported', 'published', 'approved'];
  const key = order.find((k) => data.dates[k])!;
  const verb = data.kind === '评论' && key === 'issued' ? '刊发' : DATE_VERBS[key];
  return { date: data.dates[key]!, verb, key };
}

/** Sort key of a partial date: its first possible day. */
export function dateSortKey(date: string): string {
  return `${date}-01-01`.slice(0, 10);
}

/** The title as written in running text: 《…》 for documents, bare for meetings. */
export function quotedTitle(data: Pick<PolicyData, 'title' | 'short' | 'kind'>, short = false): string {
  const title = short && data.short ? data.short : data.title;
  return data.kind === '会议' ? title : `《${title}》`;
}

/** 中共中央办公厅、国务院办公厅 (empty when the issuer is not verified). */
export function issuerText(data: Pick<PolicyData, 'issuers'>): string {
  return (data.issuers ?? []).join('、');
}

/** One line of a 依据 list: issuer, title and the date it is known by. */
export function sourceLine(data: PolicyData): string {
  const { date, verb } = mainDate(data);
  const issuer = data.kind === '会议' ? '' : issuerText(data);
  return `${issuer}${quotedTitle(data)}（${formatPartialDate(date)}${verb}）`;
}

/** Anchor of a part on the record's page. */
export function partAnchor(partId: string): string {
  return `part-${partId}`;
}
