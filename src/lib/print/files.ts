/**
 * The printable documents of the handbook: which print page becomes which PDF.
 * Print pages announce their PDF with `<meta name="hb-pdf">` (scripts/pdf.mjs finds the
 * jobs that way, so the script needs no TypeScript), and the download links on the home
 * and topic pages name the same files. One place for the names, so they cannot drift.
 */
import { TOPICS, type Topic } from '../topics.ts';

export interface PrintDoc {
  /** Print page, e.g. `/print/meetings/`. */
  route: string;
  /** PDF path relative to the site root, e.g. `handouts/meetings.pdf`. */
  pdf: string;
  /** Link text of the download, before the size: “整本手册 PDF”. */
  label: string;
}

export const HANDBOOK_DOC: PrintDoc = { route: '/print/', pdf: 'handbook.pdf', label: '整本手册 PDF' };

export const WORKSHEETS_DOC: PrintDoc = {
  route: '/print/checklists/',
  pdf: 'checklists.pdf',
  label: '全部清单工作表 PDF',
};

export function handoutDoc(topic: Pick<Topic, 'slug' | 'name'>): PrintDoc {
  return { route: `/print/${topic.slug}/`, pdf: `handouts/${topic.slug}.pdf`, label: `${topic.name}培训讲义 PDF` };
}

/** The trainer edition of a topic's handout: 讲师提示 and 参考答案 included. */
export function trainerHandoutDoc(topic: Pick<Topic, 'slug' | 'name'>): PrintDoc {
  return { route: `/print/trainer/${topic.slug}/`, pdf: `handouts/trainer/${topic.slug}.pdf`, label: `${topic.name}讲师版讲义 PDF` };
}

/** A topic's slides for projection (16:9). */
export function slidesDoc(topic: Pick<Topic, 'slug' | 'name'>): PrintDoc {
  return { route: `/slides/${topic.slug}/`, pdf: `slides/${topic.slug}.pdf`, label: `${topic.name}培训课件 PDF（16:9，投影用）` };
}

/** The participant handout as an editable Word file (made by the docx step with pandoc). */
export function handoutDocx(topic: Pick<Topic, 'slug' | 'name'>): { file: string; label: string } {
  return { file: `handouts/${topic.slug}.docx`, label: `${topic.name}培训讲义 Word 版（可编辑）` };
}

/** Every PDF the build makes, in the order the script prints them. */
export function allPrintDocs(): PrintDoc[] {
  return [HANDBOOK_DOC, ...TOPICS.map(handoutDoc), ...TOPICS.map(trainerHandoutDoc), ...TOPICS.map(slidesDoc), WORKSHEETS_DOC];
}

/** Anchor of a handbook page inside a print document: `/meetings/attendance/` → `p-meetings-attendance`. */
export function sectionAnchor(href: string): string {
  return `p-${href.replace(/^\/+|\/+$/g, '').replace(/\//g, '-') || 'home'}`;
}
