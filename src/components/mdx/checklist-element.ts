/**
 * <hb-checklist>: makes a server-rendered checklist live. Enables the boxes, keeps ticks
 * in localStorage (shape and lifecycle documented in src/lib/checklist/state.ts), syncs
 * other tabs, shows progress in a polite live region, and offers reset (with
 * confirmation), copy as text, download, and a share link carried in the URL fragment.
 * Storage that is missing, full or corrupt never breaks the page: ticks then last for
 * the visit and the reader is told so. Storage is the truth: the boxes re-read it when
 * another tab writes and when the page is shown again (Back restores stale boxes), and
 * a choice about a share link merges with what storage holds at the moment of choosing.
 */
import { copyText } from '../../lib/browser/clipboard';
import { store, storeProblem } from '../../lib/browser/storage';
import { acceptShare, checklistText, decodeShare, decodeState, encodeShare, encodeState, storageKey } from '../../lib/checklist/state';
import { define } from '../../lib/browser/dom';


function read(key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): boolean {
  if (!store) return false;
  try {
    if (value === null) store.removeItem(key);
    else store.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export interface ChecklistSnapshot {
  id: string;
  title: string;
  items: { id: string; text: string; ticked: boolean }[];
}

export class HbChecklist extends HTMLElement {
  #boxes: HTMLInputElement[] = [];
  #previewing = false;
  /** Own ticks when the share link opened, and the shared ticks shown meanwhile. */
  #own = new Set<string>();
  #shared = new Set<string>();
  /** Storage does not hold what the boxes show (it refused the last write): the boxes are the state. */
  #unsaved = !store;
  #toldUnreadable = false;

  get checklistId(): string {
    return this.dataset.checklistId ?? '';
  }

  connectedCallback(): void {
    this.#boxes = [...this.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    this.#apply(this.#stored());
    for (const box of this.#boxes) {
      box.disabled = false;
      box.addEventListener('change', () => this.#save());
    }
    this.#part('.hb-checklist__status').hidden = false;
    this.#part('.hb-checklist__actions').hidden = false;
    this.addEventListener('click', this.#onClick);
    window.addEventListener('storage', this.#sync);
    // Back/Forward restores the boxes as they were when the page was left, after this ran.
    window.addEventListener('pageshow', this.#sync);
    if (storeProblem) {
      this.#say(storeProblem === 'full'
        ? '浏览器存储已满：已保存的勾选照常显示，新的改动只在本次浏览中有效。'
        : '这个浏览器不能保存勾选（可能开启了无痕模式），关闭页面后勾选不会保留。');
    }
    const shared = decodeShare(location.hash)?.get(this.checklistId);
    if (shared) this.#preview(shared);
  }

  disconnectedCallback(): void {
    window.removeEventListener('storage', this.#sync);
    window.removeEventListener('pageshow', this.#sync);
  }

  /** Current state, for sheet-level copy and share. */
  snapshot(): ChecklistSnapshot {
    return {
      id: this.checklistId,
      title: this.dataset.title ?? '',
      items: this.#boxes.map((box) => ({
        id: box.name,
        text: (box.nextElementSibling?.textContent ?? '').trim(),
        ticked: box.checked,
      })),
    };
  }

  #part<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  #stored(): Set<string> {
    const { ticked, unreadable } = decodeState(read(storageKey(this.checklistId)), this.#boxes.map((b) => b.name));
    if (unreadable && !this.#toldUnreadable) {
      this.#toldUnreadable = true;
      this.#say('之前保存的勾选没能全部读出（数据已损坏），这里只显示读得出的部分。');
    }
    return ticked;
  }

  #ticked(): Set<string> {
    return new Set(this.#boxes.filter((b) => b.checked).map((b) => b.name));
  }

  #apply(ticked: Set<string>): void {
    for (const box of this.#boxes) box.checked = ticked.has(box.name);
    const done = ticked.size;
    const status = this.#part('.hb-checklist__status');
    status.textContent = `已完成 ${done}/${this.#boxes.length}`;
    status.toggleAttribute('data-complete', done > 0 && done === this.#boxes.length);
  }

  #save(): void {
    const ticked = this.#ticked();
    this.#apply(ticked);
    this.#unsaved = !write(storageKey(this.checklistId), ticked.size ? encodeState(ticked) : null);
    if (store && this.#unsaved) {
      this.#say('勾选没能保存（浏览器存储已满或被禁用），只在本次浏览中有效。');
    }
  }

  #say(message: string): void {
    const box = this.#part('.hb-checklist__message');
    box.hidden = false;
    box.textContent = message;
  }

  /** Another tab wrote (`storage`) or the page is shown again (`pageshow`, no key). */
  #sync = (event: Event): void => {
    const key = (event as StorageEvent).key;
    if (key && key !== storageKey(this.checklistId)) return;
    if (this.#previewing) this.#showShared();
    else this.#apply(this.#unsaved ? this.#ticked() : this.#stored());
  };

  #preview(shared: Set<string>): void {
    const own = this.#stored();
    const known = new Set(this.#boxes.map((b) => b.name));
    const incoming = new Set([...shared].filter((id) => known.has(id)));
    if (incoming.size === own.size && [...incoming].every((id) => own.has(id))) return;
    this.#own = own;
    this.#shared = incoming;
    this.#previewing = true;
    for (const box of this.#boxes) box.disabled = true;
    this.#showShared();
    const panel = this.#part('[data-panel="share"]');
    // The first question on the page comes to the reader, who may be far above it on a phone.
    const first = !document.querySelector('[data-panel="share"]:not([hidden])');
    panel.hidden = false;
    if (first) {
      this.#part('.hb-checklist__title').scrollIntoView();
      panel.focus({ preventScroll: true });
    }
  }

  #showShared(): void {
    this.#apply(this.#shared);
    this.#part('[data-share-text]').textContent =
      `这里显示的是别人分享的勾选（已完成 ${this.#shared.size}/${this.#boxes.length}）。` +
      `你自己保存的勾选（${this.#stored().size} 项）还在，选择之前不会改动。`;
  }

  #endPreview(accept: boolean): void {
    this.#previewing = false;
    for (const box of this.#boxes) box.disabled = false;
    this.#part('[data-panel="share"]').hidden = true;
    // Storage now, not as it was when the link opened: another tab may have ticked since.
    const now = this.#stored();
    if (accept) {
      const { ticked, kept } = acceptShare(this.#shared, this.#own, now);
      this.#say(`已换成分享的勾选。${kept ? `打开链接后在别的页面新勾的 ${kept} 项也保留了。` : ''}`);
      this.#apply(ticked);
      this.#save();
    } else {
      this.#apply(now);
      this.#say('已保留你自己的勾选。');
    }
    if (!document.querySelector('[data-panel="share"]:not([hidden])')) {
      history.replaceState(history.state, '', location.pathname + location.search);
    }
    this.#boxes[0]?.focus();
  }

  #text(): string {
    const snap = this.snapshot();
    return checklistText(snap.title, snap.items, new Date(), new URL(`/checklists/${snap.id}/`, location.origin).href);
  }

  #onClick = async (event: Event): Promise<void> => {
    const button = (event.target as Element).closest<HTMLElement>('[data-action]');
    if (!button) return;
    const resetPanel = this.#part('[data-panel="reset"]');
    switch (button.dataset.action) {
      case 'reset':
        resetPanel.hidden = false;
        resetPanel.querySelector<HTMLElement>('[data-action="reset-yes"]')!.focus();
        break;
      case 'reset-yes':
        for (const box of this.#boxes) box.checked = false;
        this.#save();
        resetPanel.hidden = true;
        this.#part('[data-action="reset"]').focus();
        this.#say('已清空全部勾选。');
        break;
      case 'reset-no':
        resetPanel.hidden = true;
        this.#part('[data-action="reset"]').focus();
        break;
      case 'copy':
        this.#say((await copyText(this.#text())) ? '已复制为文本，可以粘贴到微信或会议记录里。' : '复制失败，请使用“下载”。');
        break;
      case 'download':
        // WeChat's browser silently drops file downloads: copy instead, and say how to save a
        // file. The site-wide script marks WeChat on <html> (offline-element.ts), so this
        // element shares no code chunk with it.
        if (document.documentElement.hasAttribute('data-hb-wechat')) {
          this.#say((await copyText(this.#text()))
            ? '微信里不能直接下载文件，已把清单复制为文本。要存成文件，请点右上角“…”，选“在浏览器打开”。'
            : '微信里不能直接下载文件，请点右上角“…”，选“在浏览器打开”后再下载。');
          break;
        }
        download(this.#text(), `${this.dataset.title ?? '清单'}-${new Date().toISOString().slice(0, 10)}.txt`);
        this.#say('已下载文本文件。');
        break;
      case 'share': {
        const url = `${location.origin}${location.pathname}#${encodeShare(new Map([[this.checklistId, this.#ticked()]]))}`;
        const copied = await copyText(url);
        this.#say(copied ? `分享链接已复制（勾选只在链接里，不经过任何服务器）：${url}` : `请复制这个分享链接：${url}`);
        break;
      }
      case 'share-accept':
        this.#endPreview(true);
        break;
      case 'share-reject':
        this.#endPreview(false);
        break;
    }
  };
}

export function download(text: string, filename: string): void {
  // BOM so that Windows Notepad opens the Chinese text as UTF-8.
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

define('hb-checklist', HbChecklist);
