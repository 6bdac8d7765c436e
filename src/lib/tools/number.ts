/**
 * Numbers typed into the meeting-cost tool, and numbers written back out. Pure functions.
 *
 * Fields are plain text inputs (inputmode="numeric"), not type="number": a number input
 * hides what was typed when it is not a number, and we want to say in Chinese what is
 * wrong. Full-width digits and separators from a Chinese input method are accepted.
 * Every failure is a sentence the reader can act on; nothing here returns NaN.
 * (A module of its own so that only the tool that needs it loads it.)
 */
import type { Parsed } from './input';

export interface WholeNumberField {
  /** What the field asks for, as it reads in a sentence: “会议时长”. */
  label: string;
  min: number;
  max: number;
  /** Unit after a number in a message: “分钟”, “人”. */
  unit: string;
  /** Empty input: an error (default) or this value (“没有就留空”). */
  blank?: number;
}

/** Full-width digits, signs and separators typed with a Chinese IME → ASCII; spaces and thousands separators dropped. */
export function normaliseDigits(raw: string): string {
  return raw
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－—–]/g, '-')
    .replace(/[．。]/g, '.')
    .replace(/[\s,，\u3000]/g, '');
}

/** A whole number within [min, max], or a Chinese message saying what to change. */
export function parseWholeNumber(raw: unknown, field: WholeNumberField): Parsed<number> {
  const text = normaliseDigits(typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '');
  const { label, min, max, unit } = field;
  if (text === '') {
    if (field.blank !== undefined) return { ok: true, value: field.blank };
    return { ok: false, message: `请填写${label}。` };
  }
  if (/^-\d+(\.\d+)?$/.test(text)) return { ok: false, message: `${label}不能是负数。` };
  if (!/^\d+(\.\d+)?$/.test(text)) return { ok: false, message: `${label}请用阿拉伯数字填写，例如 ${Math.max(min, Math.min(max, 20))}。` };
  if (text.includes('.') && !/^\d+\.0*$/.test(text)) return { ok: false, message: `${label}请填写整数。` };
  // Compare digit strings before converting, so that 1e400-sized input cannot become Infinity.
  const digits = text.split('.')[0].replace(/^0+(?=\d)/, '');
  if (digits.length > String(max).length || Number(digits) > max) {
    return { ok: false, message: `${label}最多 ${max} ${unit}，请检查是不是多写了几位。` };
  }
  const value = Number(digits);
  if (value < min) return { ok: false, message: min === 1 ? `${label}至少要填 1 ${unit}。` : `${label}至少 ${min} ${unit}。` };
  return { ok: true, value };
}

/** Hours with one decimal and thousands separators: 1234.56 → “1,234.6”; tiny non-zero → “不到 0.1”. */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return '—';
  if (hours > 0 && hours < 0.05) return '不到 0.1';
  const rounded = Math.round(hours * 10) / 10;
  const [whole, tenth] = rounded.toFixed(1).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return tenth === '0' ? grouped : `${grouped}.${tenth}`;
}

/** Share of a whole as a whole percentage: 0.666 → “67%”; guards a zero whole. */
export function formatShare(part: number, whole: number): string {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return '0%';
  const pct = Math.round((part / whole) * 100);
  return `${part > 0 && pct === 0 ? '不到 1' : pct}%`;
}

