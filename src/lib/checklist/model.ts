/**
 * Checklist data shared by the build (Markdown plugin, pages) and tests: the shape of
 * a checklist, id rules, phases, and stable item ids derived from item text.
 */
export type Phase = 'before' | 'during' | 'after';

export const PHASES: Record<Phase, string> = { before: '事前', during: '事中', after: '事后' };

export interface ChecklistItem {
  /** Stable id: explicit (`{/* id: scope *\/}` in the item) or derived from the text. */
  id: string;
  /** Plain text of the item (copy-as-text, downloads). */
  text: string;
  /** Inline HTML of the item (links, emphasis). */
  html: string;
}

export interface ChecklistData {
  id: string;
  title: string;
  phase?: Phase;
  items: ChecklistItem[];
}

export const CHECKLIST_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** 32-bit FNV-1a: tiny, deterministic, good enough to tell item texts apart. */
function fnv1a(input: string): number {
  let hash = 0x811c9dc5;
  for (const ch of input) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Text as an editor sees it: whitespace collapsed, so re-wrapping a line keeps the id. */
export function normaliseItemText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Id derived from the item text; survives reordering, changes when the wording changes. */
export function deriveItemId(text: string): string {
  return `t${fnv1a(normaliseItemText(text)).toString(36)}`;
}
