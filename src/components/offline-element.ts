/**
 * <hb-offline>: service-worker registration, offline indicator and the update prompt.
 * A new edition installs in the background while the reader keeps the old one; only when
 * it is complete (the worker is "installed" and waiting) does the prompt appear, in every
 * open tab. Accepting tells the waiting worker to take over (SKIP_WAITING, handled by
 * Workbox) and reloads. The other tabs keep the old edition (the worker keeps the files it
 * needs, see src/integrations/offline-sw.js) and their prompt now just reloads.
 * Checklist ticks live in localStorage, which an update does not touch.
 */
import { WECHAT_OPEN_IN_BROWSER, inWeChat } from '../lib/browser/wechat';
import { define, el } from '../lib/browser/dom';
import { OFFLINE_PAGE } from '../lib/offline';

/** Where the browser cannot keep the handbook (WeChat on iPhone has no service workers). */
const WECHAT_NO_OFFLINE = `微信里不能把手册保存到本机；要离线阅读，请${WECHAT_OPEN_IN_BROWSER}。`;

class HbOffline extends HTMLElement {
  #ready = false;

  connectedCallback(): void {
    // Other scripts (the checklist's 下载) adapt to WeChat's browser by this mark.
    document.documentElement.toggleAttribute('data-hb-wechat', inWeChat());
    if (!import.meta.env.PROD) return;
    if (!('serviceWorker' in navigator)) {
      if (inWeChat()) this.#say(WECHAT_NO_OFFLINE);
      return;
    }
    const sw = navigator.serviceWorker;
    const offer = (accept: () => void) => {
      const box = this.querySelector<HTMLElement>('.hb-offline__update')!;
      box.hidden = false;
      box.querySelector('button')!.onclick = accept;
    };
    // A first visit gains a controller too; only a change from one worker to another is an update.
    let controlled = Boolean(sw.controller);
    let accepted = false;
    sw.addEventListener('controllerchange', () => {
      if (accepted) location.reload();
      // Another tab accepted: this page is still the old edition, and its prompt reloads it.
      else if (controlled) offer(() => location.reload());
      controlled = true;
    });
    const offerUpdate = (worker: ServiceWorker) =>
      offer(() => {
        accepted = true;
        worker.postMessage({ type: 'SKIP_WAITING' });
      });
    sw.register('/sw.js').then((reg) => {
      if (reg.waiting && sw.controller) offerUpdate(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && sw.controller) offerUpdate(worker);
        });
      });
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void reg.update().catch(() => undefined);
      });
    }, () => {
      if (inWeChat()) this.#say(WECHAT_NO_OFFLINE);
    });
    sw.ready.then(() => {
      this.#ready = true;
      this.#show();
    });
    addEventListener('online', () => this.#show());
    addEventListener('offline', () => this.#show());
    this.#show();
  }

  #say(text: string, ...more: Node[]): void {
    const state = this.querySelector<HTMLElement>('.hb-offline__state')!;
    state.hidden = false;
    state.replaceChildren(text, ...more);
  }

  #show(): void {
    // Exactly what is saved: every page except print pages and PDFs, which are saved once opened.
    const text = !navigator.onLine
      ? this.#ready
        ? '当前离线：正在阅读保存在本机的手册；打印页和 PDF 只有联网打开过的才能看。'
        : '当前离线。'
      : this.#ready
        ? '✓ 已可离线阅读：全部章节、清单、工具和搜索已保存在本机；打印页和 PDF 只有联网打开过的才能离线看。'
        : '';
    if (!text) {
      this.querySelector<HTMLElement>('.hb-offline__state')!.hidden = true;
      return;
    }
    this.#say(text, ...(this.#ready ? [el('a', { href: OFFLINE_PAGE }, '离线阅读说明')] : []));
  }
}

define('hb-offline', HbOffline);
