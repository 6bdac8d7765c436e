/**
 * Which characters of an excerpt to highlight. Pagefind marks every index word that
 * matched, and for Chinese that includes single characters matched as prefixes: for
 * `陪会` it marks each `会` of `会议`, `开会`, `分会场`. When the reader's query units
 * (see engine.ts) occur in the excerpt as written, only those are marked; otherwise
 * Pagefind's own marks stand.
 */

export interface Segment {
  text: string;
  mark: boolean;
}

/** Excerpt as (text, marked-by-Pagefind) pieces → pieces marked for display, adjacent ones merged. */
export function highlight(pieces: readonly Segment[], units: readonly string[]): Segment[] {
  const text = pieces.map((p) => p.text).join('');
  const pagefind: boolean[] = [];
  for (const p of pieces) for (let i = 0; i < p.text.length; i++) pagefind.push(p.mark);

  const phrases = units.filter((u) => [...u].length > 1);
  const ours = new Array<boolean>(text.length).fill(false);
  let found = false;
  const lower = text.toLowerCase();
  for (const phrase of phrases) {
    const needle = phrase.toLowerCase();
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
      ours.fill(true, at, at + needle.length);
      found = true;
    }
  }
  // Single-character units: keep Pagefind's marks on the words they start.
  const singles = units.filter((u) => [...u].length === 1).map((u) => u.toLowerCase());
  if (found && singles.length) {
    let i = 0;
    for (const p of pieces) {
      if (p.mark && singles.some((s) => p.text.toLowerCase().startsWith(s))) ours.fill(true, i, i + p.text.length);
      i += p.text.length;
    }
  }
  const marks = found ? ours : pagefind;

  // Per UTF-16 unit, as the marks are indexed.
  return joinMarked(Array.from({ length: text.length }, (_, i) => ({ ch: text[i], mark: marks[i] })));
}

/** Characters with their marks → segments, adjacent characters of the same mark joined. */
function joinMarked(chars: readonly { ch: string; mark: boolean }[]): Segment[] {
  const out: Segment[] = [];
  for (const { ch, mark } of chars) {
    const last = out[out.length - 1];
    if (last && last.mark === mark) last.text += ch;
    else out.push({ text: ch, mark });
  }
  return out;
}

/** Whether an excerpt's text holds any multi-character unit as written. */
export function holdsPhrase(text: string, units: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return units.some((u) => [...u].length > 1 && lower.includes(u.toLowerCase()));
}

/** How many headings a result lists under its excerpt. */
export const MAX_SUB_RESULTS = 3;

interface SubResultLike {
  anchor?: unknown;
  excerpt: string;
  locations: readonly number[];
  weighted_locations: readonly { balanced_score: number }[];
}

/**
 * The headings a result lists, where the query's words are: those holding a unit as written
 * first, then by how much matched there; at most MAX_SUB_RESULTS, in page order. `textOf`
 * gives an excerpt's visible text.
 */
export function shownSubResults<S extends SubResultLike>(subs: readonly S[], units: readonly string[], textOf: (excerpt: string) => string): S[] {
  return subs
    .filter((s) => s.anchor && s.locations.length)
    .map((s, order) => ({
      s,
      order,
      phrase: holdsPhrase(textOf(s.excerpt), units),
      weight: s.weighted_locations.reduce((sum, w) => sum + w.balanced_score, 0),
    }))
    .sort((a, b) => Number(b.phrase) - Number(a.phrase) || b.weight - a.weight)
    .slice(0, MAX_SUB_RESULTS)
    .sort((a, b) => a.order - b.order)
    .map(({ s }) => s);
}

const HAN_OR_CLOSE = /[\p{Script=Han}”’）」』》]/u;
const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f“”‘’]/u;
const CJK = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f“”‘’]/u;
const LEADING = /[\s，、。；：！？）》」』”.,;:!?)]/u;

/**
 * Pagefind's excerpts in Chinese, tidied for reading, marks kept: it ends a heading or other
 * block with an ASCII `. ` (`留痕的边界. 必要记录…` → `留痕的边界。必要记录…`), leaves a space
 * after Chinese punctuation (`哪里。 留痕` → `哪里。留痕`), and a window can open on a comma.
 */
export function tidyExcerpt(pieces: readonly Segment[]): Segment[] {
  const chars = pieces.flatMap((p) => [...p.text].map((ch) => ({ ch, mark: p.mark })));
  const out: { ch: string; mark: boolean }[] = [];
  for (let i = 0; i < chars.length; i++) {
    const { ch, mark } = chars[i];
    const prev = out[out.length - 1]?.ch;
    const next = chars[i + 1]?.ch;
    if (ch === '.' && prev && HAN_OR_CLOSE.test(prev) && (next === undefined || /\s/.test(next))) {
      out.push({ ch: '。', mark: false });
      continue;
    }
    if (/\s/.test(ch) && prev && CJK_PUNCT.test(prev) && (next === undefined || CJK.test(next) || /\s/.test(next))) continue;
    out.push({ ch, mark });
  }
  while (out.length && LEADING.test(out[0].ch)) out.shift();
  while (out.length && /\s/.test(out[out.length - 1].ch)) out.pop();
  return joinMarked(out);
}

/**
 * Removes a leading `lead。` from an excerpt: Pagefind's excerpt of a page or section starts
 * with its heading, which the result already shows right above it.
 */
export function dropLead(pieces: readonly Segment[], lead: string): Segment[] {
  const prefix = `${lead}。`;
  if (!lead || !pieces.map((p) => p.text).join('').startsWith(prefix)) return [...pieces];
  let skip = prefix.length;
  const out: Segment[] = [];
  for (const p of pieces) {
    if (skip >= p.text.length) {
      skip -= p.text.length;
      continue;
    }
    out.push({ text: p.text.slice(skip), mark: p.mark });
    skip = 0;
  }
  return out;
}
