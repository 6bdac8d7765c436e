/**
 * A topic's participant handout, as pandoc should read it to make an editable Word file:
 * the print page's document (cover text, chapters, exercises, discussion record) without
 * what only makes sense on screen or on the printed page (buttons, panels, QR codes, the
 * contents with page numbers), checklists as tables of boxes, worksheets with lines to
 * write on. Pure (tests/unit/docx.test.ts); the docx step runs pandoc on the result.
 */
import { parse, type HTMLElement } from 'node-html-parser';

const DROP = [
  'script', 'style', 'svg', 'button', 'form', '[hidden]', '.hb-screen-only', '.hb-print-toc', '.hb-print-section__qr',
  '.hb-cover__qr', '.hb-checklist__actions', '.hb-checklist__panel', '.hb-checklist__status', '.hb-checklist__message',
  '.hb-checklist__meta', '.hb-worksheet-form__hint', '.hb-worksheet-form__lines', 'hb-meeting-cost form', 'hb-document-decision form',
  'hb-group-audit form', '[data-hb-js]', '.hb-tool__actions',
];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A checklist as a table: a box to tick, the item, and the 日期/责任人/备注 lines below. */
function checklistTable(list: HTMLElement): string {
  const title = list.querySelector('.hb-checklist__title');
  const items = list.querySelectorAll('.hb-checklist__items li').map((li) => li.text.replace(/\s+/g, ' ').trim());
  const rows = items.map((item) => `<tr><td>☐</td><td>${escape(item)}</td></tr>`).join('');
  const heading = title ? `<${title.tagName.toLowerCase()}>${escape(title.text.trim())}</${title.tagName.toLowerCase()}>` : '';
  return `${heading}<table><thead><tr><th>完成</th><th>事项</th></tr></thead><tbody>${rows}</tbody></table>` +
    '<p>日期：________　责任人：________　备注：________________</p>';
}

export function handoutForDocx(html: string): string {
  const root = parse(html);
  const doc = root.querySelector('.hb-print-doc');
  if (!doc) throw new Error('not a print page: no .hb-print-doc');
  for (const selector of DROP) for (const el of doc.querySelectorAll(selector)) el.remove();
  for (const list of doc.querySelectorAll('hb-checklist')) list.replaceWith(checklistTable(list));
  // Worksheets: each prompt followed by lines to write on.
  for (const li of doc.querySelectorAll('.hb-worksheet-form__prompts li')) li.insertAdjacentHTML('beforeend', '<br />________________________________________<br />________________________________________');
  // Exercise material: a titled block (pandoc keeps a blockquote as an indented block in Word).
  for (const figure of doc.querySelectorAll('figure.hb-material')) {
    const title = figure.querySelector('figcaption')?.text.trim() ?? '练习材料';
    const body = figure.querySelector('.hb-material__body')?.innerHTML ?? '';
    const note = figure.querySelector('.hb-material__note')?.text.trim() ?? '';
    figure.replaceWith(`<p><strong>${escape(title)}</strong></p><blockquote>${body}</blockquote><p>${escape(note)}</p>`);
  }
  // Blank fields (组别：____) as underscores, which Word shows as lines.
  for (const blank of doc.querySelectorAll('.hb-blank')) blank.replaceWith('________');
  // Links inside the handout point at its own sections: keep the text only.
  for (const a of doc.querySelectorAll('a')) {
    const href = a.getAttribute('href') ?? '';
    if (href.startsWith('#') || href.startsWith('/')) a.replaceWith(a.innerHTML);
  }
  const title = root.querySelector('title')?.text ?? '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>${doc.innerHTML}</body></html>`;
}
