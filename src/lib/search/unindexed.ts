/**
 * Words the search index leaves out, while pages, excerpts and titles keep them.
 *
 * They are the grammar of a sentence, not its subject: 的 (about one Chinese character in
 * twenty-five), and the particles, prepositions and conjunctions below when ICU segments
 * them as words of their own (`在乡镇`, `会议和培训`, `把时间还给基层`). Indexed, each
 * one's positions fill a large index chunk (的: 58 KB at 1,000 chapters, 在: 20 KB), and
 * Pagefind fetches that chunk for every query holding the word and for every word that
 * happens to share its chunk (`白头` did for 的; `朋友圈` and `在线时长` did for 在). Nobody
 * searches for them alone.
 *
 * At index time (src/integrations/search-prepare.ts) each such word becomes a private-use
 * character (U+E000…). Pagefind indexes only letters and digits, so the mark is kept in the
 * page's stored text but is no word of the index; it still takes its place in the text, so
 * `手册的结构` is `手册`, a gap, `结构`. Words that merely contain one (`目的`, `现在`,
 * `或者`, `已经`) are indexed as they are.
 *
 * At search time (./engine.ts) the query's unindexed words are dropped before Pagefind sees
 * them, and a phrase is checked as its parts around each of them. `restoreUnindexed` turns
 * the marks back into their words wherever Pagefind's text is shown.
 */
/** The words, in a fixed order: the n-th is marked U+E000 + n (的 first, as before). */
export const UNINDEXED_WORDS = ['的', '在', '和', '与', '及', '或', '并', '为', '把', '被', '了', '是', '也', '都', '就', '已', '于'] as const;
const MARKS: ReadonlyMap<string, string> = new Map(UNINDEXED_WORDS.map((word, n) => [word, String.fromCharCode(0xe000 + n)]));
const WORDS: ReadonlyMap<string, string> = new Map([...MARKS].map(([word, mark]) => [mark, word]));
const MARK = /[\ue000-\ue0ff]/g;

/** Whether the index leaves `word` (one word of a segmented text) out. */
export function isUnindexed(word: string): boolean {
  return MARKS.has(word);
}

/** Joins the words of a run of Han text for the index, each word it leaves out as its mark. */
export function joinForIndex(words: readonly string[], boundary: string): string {
  return words.map((word) => MARKS.get(word) ?? word).join(boundary);
}

/** Text from the index as readers read it: each mark back to its word. */
export function restoreUnindexed(text: string): string {
  return text.replace(MARK, (mark) => WORDS.get(mark) ?? mark);
}
