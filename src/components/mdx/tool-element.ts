/**
 * Helpers shared by the decision tools' custom elements (<hb-meeting-cost>,
 * <hb-document-decision>, <hb-group-audit>). Kept apart from checklist-element.ts so a
 * page with a tool does not load the checklist, and the other way round.
 *
 * Server HTML of a tool works without JavaScript: the method is explained in an open
 * <details data-hb-method>, a note [data-hb-nojs] says why nothing calculates, and the
 * controls are either disabled [data-hb-disabled] or hidden [data-hb-js].
 * `enable` turns that into the live tool.
 */
import { formatDay } from '../../lib/tools/input';

export function enable(root: HTMLElement): void {
  root.querySelectorAll<HTMLElement>('[data-hb-nojs]').forEach((el) => (el.hidden = true));
  root.querySelectorAll<HTMLElement>('[data-hb-js]').forEach((el) => (el.hidden = false));
  root.querySelectorAll<HTMLInputElement>('[data-hb-disabled]').forEach((el) => (el.disabled = false));
  // The method stays one click away; without JavaScript it is the tool, so it starts open.
  root.querySelector('details[data-hb-method]')?.removeAttribute('open');
}

/** Say something in the tool's polite live region (also visible). */
export function say(root: HTMLElement, text: string): void {
  root.querySelector('[data-hb-status]')!.textContent = text;
}

/** Date the result for paper and the file: [data-hb-date] reads “<label>：2026年11月27日”. */
export function stamp(root: HTMLElement, label: string): void {
  part(root, 'date').textContent = `${label}：${formatDay(new Date())}`;
}

/** `part(root, 'x')` → the element marked data-hb-x. */
export function part<T extends HTMLElement = HTMLElement>(root: HTMLElement, name: string): T {
  return root.querySelector<T>(`[data-hb-${name}]`)!;
}

// Results are built with text only (reader input is never HTML).
export { el } from '../../lib/browser/dom';

/**
 * Show field errors next to their fields ([data-hb-error="<name>"]), mark text fields
 * aria-invalid, clear the others. Returns the first control to focus, or null.
 */
export function showErrors(form: HTMLElement, errors: Record<string, string | undefined>): HTMLElement | null {
  let first: HTMLElement | null = null;
  form.querySelectorAll<HTMLElement>('[data-hb-error]').forEach((box) => {
    const name = box.dataset.hbError!;
    const message = errors[name] ?? '';
    box.textContent = message;
    box.hidden = !message;
    const controls = form.querySelectorAll<HTMLInputElement>(`[name="${name}"]`);
    controls.forEach((c) => {
      if (c.type !== 'radio' && c.type !== 'checkbox') {
        if (message) c.setAttribute('aria-invalid', 'true');
        else c.removeAttribute('aria-invalid');
      }
    });
    if (message && !first) first = controls[0] ?? null;
  });
  return first;
}

export { copyText } from '../../lib/browser/clipboard';

/** Print only this tool: tools.css hides the rest of the page while these marks are set. */
export function printTool(root: HTMLElement): void {
  const html = document.documentElement;
  root.setAttribute('data-hb-printing', '');
  html.setAttribute('data-hb-print-only', '');
  const done = () => {
    root.removeAttribute('data-hb-printing');
    html.removeAttribute('data-hb-print-only');
  };
  window.addEventListener('afterprint', done, { once: true });
  window.print();
}

/** The page address without a fragment, for “来源” lines. */
export const here = (): string => location.href.split('#')[0];
