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

  const out: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = out[out.length - 1];
    if (last && last.mark === marks[i]) last.text += text[i];
    else out.push({ text: text[i], mark: marks[i] });
  }
  return out;
}

/** Whether an excerpt's text holds any multi-character unit as written. */
export function holdsPhrase(text: string, units: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return units.some((u) => [...u].length > 1 && lower.includes(u.toLowerCase()));
}
