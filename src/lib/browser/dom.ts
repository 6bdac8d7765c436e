/**
 * DOM helpers shared by the site's custom elements. Elements are built with textContent
 * and properties only (nothing from a reader or the index is ever parsed as HTML).
 */

/** `el('a', { href, className }, 'text', child)`: an element with properties and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Defines a custom element once (a page may load the same script through two chunks). */
export function define(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
