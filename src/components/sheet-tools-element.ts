/**
 * <hb-sheet-tools>: page-level actions for pages of checklists. Printing blank sets
 * html[data-hb-print="blank"] for the duration of the print, which checklist.css uses
 * to leave the boxes empty on paper.
 */
import { checklistText, encodeShare } from '../lib/checklist/state';
import { copyText } from '../lib/browser/clipboard';
import type { HbChecklist } from './mdx/checklist-element';
import { define } from '../lib/browser/dom';

class HbSheetTools extends HTMLElement {
  connectedCallback(): void {
    this.querySelector<HTMLElement>('.hb-sheet-tools__buttons')!.hidden = false;
    this.addEventListener('click', (event) => void this.#onClick(event));
  }

  #lists(): HbChecklist[] {
    return [...document.querySelectorAll<HbChecklist>('hb-checklist')].filter((el) => typeof el.snapshot === 'function');
  }

  #say(message: string): void {
    const box = this.querySelector<HTMLElement>('[role="status"]')!;
    box.hidden = false;
    box.textContent = message;
  }

  async #onClick(event: Event): Promise<void> {
    const action = (event.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action;
    const root = document.documentElement;
    if (action === 'print-blank' || action === 'print-ticked') {
      root.dataset.hbPrint = action === 'print-blank' ? 'blank' : 'ticked';
      window.addEventListener('afterprint', () => delete root.dataset.hbPrint, { once: true });
      window.print();
    } else if (action === 'copy-all') {
      const text = this.#lists()
        .map((list) => {
          const snap = list.snapshot();
          return checklistText(snap.title, snap.items, new Date());
        })
        .join('\n\n');
      const heading = `${this.dataset.title ?? ''}\n来源：${location.href.split('#')[0]}\n\n`;
      this.#say((await copyText(heading + text)) ? '整张表已复制为文本。' : '复制失败，请逐个清单使用“下载”。');
    } else if (action === 'share-all') {
      const state = new Map(this.#lists().map((list) => {
        const snap = list.snapshot();
        return [snap.id, snap.items.filter((i) => i.ticked).map((i) => i.id)] as const;
      }));
      const url = `${location.origin}${location.pathname}#${encodeShare(state)}`;
      this.#say((await copyText(url)) ? `整张表的分享链接已复制：${url}` : `请复制这个分享链接：${url}`);
    }
  }
}

define('hb-sheet-tools', HbSheetTools);
