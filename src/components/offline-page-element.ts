/**
 * <hb-offline-page>: the /offline/ page's script. The offline worker shows this page in place
 * of a page or file that is not saved (the address stays the reader's); then it says which
 * one and why. Either way it lists the print pages and PDFs that are saved on this device
 * (the worker's cache of opened files, read with the Cache API).
 */
import { define } from '../lib/browser/dom';

/** Print pages and PDFs: saved only once opened online. */
const OPENED = /^\/print\/|\.pdf$/;

class HbOfflinePage extends HTMLElement {
  connectedCallback(): void {
    const here = decodeURI(location.pathname).replace(/index\.html$/, '');
    if (here !== this.dataset.page) this.#standIn(here);
    void this.#listSaved().catch(() => undefined);
  }

  #part<T extends HTMLElement = HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-${name}]`)!;
  }

  #standIn(address: string): void {
    const known = [...this.querySelectorAll<HTMLElement>('[data-href]')].find((item) => item.dataset.href === address);
    const what = known ? `“${known.textContent}”` : ` ${address} `;
    this.#part('title').textContent = '这一页没有保存在本机';
    document.title = `没有保存在本机 · ${document.title.split(' · ').pop()}`;
    this.#part('missing-what').textContent =
      `现在连不上网，你要打开的${what}没有保存在本机。` +
      (OPENED.test(address)
        ? '打印页和 PDF 要联网打开过一次，才能离线看。'
        : '手册的网页都已保存在本机，这个地址不在其中：可能写错了，或者是要联网下载的文件。');
    this.#part('missing').hidden = false;
    this.#part('intro').hidden = true;
  }

  async #listSaved(): Promise<void> {
    const name = this.dataset.cache!;
    if (!('caches' in window) || !(await caches.has(name))) return;
    const saved = new Set((await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname));
    let any = false;
    for (const item of this.querySelectorAll<HTMLElement>('[data-href]')) {
      item.hidden = !saved.has(item.dataset.href!);
      any ||= !item.hidden;
    }
    this.#part('saved').hidden = !any;
  }
}

define('hb-offline-page', HbOfflinePage);
