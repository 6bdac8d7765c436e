/**
 * Every checklist in the handbook, in reading order, with the chapter it comes from.
 * The Markdown plugin records each page's checklists in its remark frontmatter; this
 * collects them for the summary, single-checklist, preparation and print pages.
 */
import { render } from 'astro:content';
import type { ChecklistData } from './checklist/model';
import { getHandbook, type Page } from './handbook';

export interface ChecklistEntry extends ChecklistData {
  /** The chapter (or front page) that holds the checklist. */
  page: Page;
  /** Link to the checklist inside its chapter. */
  href: string;
}

let cached: Promise<ChecklistEntry[]> | undefined;

export function getChecklists(): Promise<ChecklistEntry[]> {
  cached ??= (async () => {
    const handbook = await getHandbook();
    const out: ChecklistEntry[] = [];
    for (const page of handbook.pages) {
      const { remarkPluginFrontmatter } = await render(page.entry);
      const lists = (remarkPluginFrontmatter?.checklists ?? []) as ChecklistData[];
      for (const list of lists) out.push({ ...list, page, href: `${page.href}#checklist-${list.id}` });
    }
    return out;
  })();
  return cached;
}
