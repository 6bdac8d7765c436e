/**
 * <hb-slides>: the presenter view of a deck. Without JavaScript the slides are a column to
 * scroll (and print). “开始放映” fills the screen with the current slide; → ↓ PageDown space
 * Enter go forward (a clicker sends PageDown/PageUp or the arrows), ← ↑ PageUp Backspace go
 * back, Home/End jump, Esc leaves. The slide number is kept in the address (#slide-…), so a
 * reload or a second tab resumes there. Nothing is stored.
 */
import { define } from '../../lib/browser/dom';

class HbSlides extends HTMLElement {
  #slides: HTMLElement[] = [];
  #current = 0;
  #deck!: HTMLElement;

  connectedCallback(): void {
    this.#slides = [...this.querySelectorAll<HTMLElement>('[data-hb-slide]')];
    this.#deck = this.querySelector<HTMLElement>('.hb-slides__deck')!;
    this.querySelectorAll<HTMLElement>('[data-hb-nojs]').forEach((el) => (el.hidden = true));
    this.querySelector<HTMLElement>('.hb-slides__start')!.hidden = false;
    this.addEventListener('click', this.#onClick);
    const fromHash = this.#slides.findIndex((s) => `#${s.id}` === location.hash);
    if (fromHash > 0) this.#current = fromHash;
  }

  disconnectedCallback(): void {
    this.#stop();
  }

  #onClick = (event: Event): void => {
    const action = (event.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === 'present') this.#start();
    else if (action === 'next') this.#go(this.#current + 1);
    else if (action === 'prev') this.#go(this.#current - 1);
    else if (action === 'exit') this.#stop();
  };

  #onKey = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const forward = ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter'];
    const back = ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'];
    if ((event.target as Element | null)?.closest('button') && (event.key === ' ' || event.key === 'Enter')) return;
    if (forward.includes(event.key)) this.#go(this.#current + 1);
    else if (back.includes(event.key)) this.#go(this.#current - 1);
    else if (event.key === 'Home') this.#go(0);
    else if (event.key === 'End') this.#go(this.#slides.length - 1);
    else if (event.key === 'Escape') this.#stop();
    else return;
    event.preventDefault();
  };

  #onFullscreen = (): void => {
    // Leaving full screen with the browser's own key also leaves the presenter view.
    if (!document.fullscreenElement && this.hasAttribute('data-presenting')) this.#stop();
  };

  #start(): void {
    this.setAttribute('data-presenting', '');
    this.querySelector<HTMLElement>('.hb-slides__controls')!.hidden = false;
    document.addEventListener('keydown', this.#onKey);
    document.addEventListener('fullscreenchange', this.#onFullscreen);
    this.requestFullscreen?.().catch(() => undefined);
    this.#go(this.#current);
    this.#deck.focus();
  }

  #stop(): void {
    if (!this.hasAttribute('data-presenting')) return;
    this.removeAttribute('data-presenting');
    this.querySelector<HTMLElement>('.hb-slides__controls')!.hidden = true;
    document.removeEventListener('keydown', this.#onKey);
    document.removeEventListener('fullscreenchange', this.#onFullscreen);
    for (const slide of this.#slides) slide.removeAttribute('aria-current');
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    this.#slides[this.#current]?.scrollIntoView({ block: 'center' });
    this.querySelector<HTMLElement>('[data-action="present"]')?.focus();
  }

  #go(index: number): void {
    this.#current = Math.max(0, Math.min(this.#slides.length - 1, index));
    this.#slides.forEach((slide, i) => slide.setAttribute('aria-current', String(i === this.#current)));
    const slide = this.#slides[this.#current];
    history.replaceState(history.state, '', `#${slide.id}`);
    const title = slide.querySelector('h2')?.textContent ?? '';
    this.querySelector('.hb-slides__count')!.textContent = `第 ${this.#current + 1} 张，共 ${this.#slides.length} 张：${title}`;
  }
}

define('hb-slides', HbSlides);
