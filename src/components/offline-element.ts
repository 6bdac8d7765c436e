/**
 * <hb-offline>: service-worker registration, offline indicator and the update prompt.
 * A new edition installs in the background while the reader keeps the old one; only when
 * it is complete (the worker is "installed" and waiting) does the prompt appear. Accepting
 * tells the waiting worker to take over (SKIP_WAITING, handled by Workbox) and reloads.
 * Checklist ticks live in localStorage, which an update does not touch.
 */
import { WECHAT_OPEN_IN_BROWSER, inWeChat } from '../lib/browser/wechat';
import { define } from '../lib/browser/dom';

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
    let accepted = false;
    sw.addEventListener('controllerchange', () => {
      if (accepted) location.reload();
    });
    sw.register('/sw.js').then((reg) => {
      const offer = (worker: ServiceWorker) => {
        const box = this.querySelector<HTMLElement>('.hb-offline__update')!;
        box.hidden = false;
        box.querySelector('button')!.onclick = () => {
          accepted = true;
          worker.postMessage({ type: 'SKIP_WAITING' });
        };
      };
      if (reg.waiting && sw.controller) offer(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && sw.controller) offer(worker);
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

  #say(text: string): void {
    const state = this.querySelector<HTMLElement>('.hb-offline__state')!;
    state.hidden = false;
    state.textContent = text;
  }

  #show(): void {
    const state = this.querySelector<HTMLElement>('.hb-offline__state')!;
    const text = !navigator.onLine
      ? this.#ready
        ? '当前离线：正在阅读保存在本机的手册。'
        : '当前离线。'
      : this.#ready
        ? '✓ 已可离线阅读：整本手册已保存在本机。'
        : '';
    state.hidden = !text;
    state.textContent = text;
  }
}

define('hb-offline', HbOffline);
