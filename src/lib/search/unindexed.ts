/**
 * Words the search index leaves out, while pages, excerpts and titles keep them.
 *
 * 的 is about one Chinese character in twenty-five. Indexed, its positions fill an index
 * chunk of their own (58 KB at 1,000 chapters), and Pagefind fetches that chunk for every
 * query holding 的 (`指尖上的形式主义`) and for every word that happens to share its chunk
 * (`白头` did). Nobody searches for 的 itself.
 *
 * At index time (src/integrations/search-prepare.ts) each 的 that ICU segments as a word of
 * its own becomes a private-use character (U+E000). Pagefind indexes only letters and
 * digits, so the mark is kept in the page's stored text but is no word of the index; it
 * still takes its place in the text, so `手册的结构` is `手册`, a gap, `结构`. Words that
 * merely contain 的 (`目的`, `的话`) are indexed as they are.
 *
 * At search time (./engine.ts) the query's 的 is dropped before Pagefind sees it, and a
 * phrase is checked as its parts around each 的. `restoreUnindexed` turns the mark back
 * into 的 wherever Pagefind's text is shown.
 */
const MARKS: ReadonlyMap<string, string> = new Map([['的', '\ue000']]);
const WORDS: ReadonlyMap<string, string> = new Map([...MARKS].map(([word, mark]) => [mark, word]));
const MARK = /[\ue000]/g;

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
