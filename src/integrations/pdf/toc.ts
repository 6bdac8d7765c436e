/**
 * Guessing where sections will start, so that most PDFs need one print instead of two.
 *
 * A topic handout holds the same chapters as the whole handbook, laid out by the same CSS
 * at the same width, and every chapter starts on a new page: so each chapter takes as many
 * pages in the handout as in the handbook. Once the handbook has been printed once, the
 * handout's contents can be filled in before its first print; src/integrations/pdf/index.ts then checks
 * the guess against the PDF (named destinations) and prints again only if it was wrong.
 * A guess never reaches a PDF unchecked.
 */

/** Start page by section anchor. */
export type StartPages = Record<string, number>;

/**
 * Predicted start page of each anchor, or undefined when it cannot be predicted.
 * `anchors`: sections of the new document, in order; `reference`: start pages of sections in
 * an already printed document; `firstPage`: page on which the first section starts.
 */
export function predictStarts(anchors: readonly string[], reference: ReadonlyMap<string, number>, firstPage: number): StartPages | undefined {
  const order = [...reference.entries()].sort((a, b) => a[1] - b[1]);
  const span = (anchor: string): number | undefined => {
    const i = order.findIndex(([a]) => a === anchor);
    if (i === -1 || i === order.length - 1) return undefined;
    return order[i + 1][1] - order[i][1];
  };
  const out: StartPages = {};
  let page = firstPage;
  for (const [i, anchor] of anchors.entries()) {
    out[anchor] = page;
    if (i === anchors.length - 1) break;
    const pages = span(anchor);
    if (!pages) return undefined;
    page += pages;
  }
  return out;
}

/** Do two anchor → page records agree on every anchor? */
export function samePages(anchors: readonly string[], a: StartPages | undefined, b: StartPages | undefined): boolean {
  return !!a && !!b && anchors.every((x) => a[x] === b[x]);
}
