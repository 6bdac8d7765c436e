/**
 * Small pieces shared by the decision tools' logic (src/lib/tools/*.ts): the result of
 * reading one field, free text, and the date line of a copied result. Pure functions.
 * Kept small on purpose: whatever is here is loaded by every tool's script.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Text of at most `max` characters, trimmed, inner runs of space collapsed. */
export function parseText(raw: unknown, label: string, max: number, required: boolean): Parsed<string> {
  const text = (typeof raw === 'string' ? raw : '').replace(/\s+/g, ' ').trim();
  if (!text && required) return { ok: false, message: `请填写${label}。` };
  if ([...text].length > max) return { ok: false, message: `${label}太长了，请控制在 ${max} 个字以内。` };
  return { ok: true, value: text };
}

/** 2026年3月1日 */
export function formatDay(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}
