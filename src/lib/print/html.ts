/**
 * Turns a chapter's rendered HTML into a section of a combined print page.
 *
 * Every chapter has headings called 问题表现, 怎么做, 清单…, so their ids repeat once
 * several chapters share one page. `scopeFragment` gives every id in a chapter a prefix
 * (the chapter's section anchor) and rewrites what points at those ids — same-page
 * `#links`, `for`, `aria-labelledby` and friends — so the table of contents, in-page
 * links and labels keep working. Links to other handbook pages that are in the same
 * print document become in-document links (`/guide/glossary/#留痕` → `#p-guide-glossary--留痕`),
 * which also makes them clickable inside the PDF. Headings move down a level or two so
 * the combined page has one outline (cover h1 → parts → chapters → sections).
 *
 * String work on the HTML that Astro renders from our own MDX, not arbitrary HTML: tags
 * are matched with quoted attribute values respected, text is never touched.
 */

export interface ScopeOptions {
  /** Prefix for the fragment's ids: `id="x"` becomes `id="<prefix>--x"`. */
  prefix: string;
  /** Site path of the page the fragment comes from, e.g. `/meetings/attendance/`. */
  pagePath: string;
  /** Site paths that are part of the same print document → their section anchor (= prefix). */
  anchors?: ReadonlyMap<string, string>;
  /** Levels to add to every heading (1: h2 → h3). Capped at h6. */
  headingShift?: number;
  /**
   * Id of the element naming the fragment in the combined page (the chapter's title). A
   * labelled `<section>` inside (a tool is a region) is a landmark, and two chapters may hold
   * the same tool: its label is prefixed with this one, so every landmark's name stays unique.
   */
  contextLabel?: string;
}

/** One start tag, attribute values with `>` inside quotes included. */
const START_TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /(\s+)([^\s"'>/=]+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
/** Attributes whose value is a space-separated list of ids. */
const ID_LIST_ATTRIBUTES = new Set(['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-details', 'headers', 'list']);

export function scopedId(prefix: string, id: string): string {
  return `${prefix}--${id}`;
}

function unquote(value: string): { quote: string; text: string } {
  const q = value[0];
  return q === '"' || q === "'" ? { quote: q, text: value.slice(1, -1) } : { quote: '"', text: value };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Escape what must not appear raw inside a double-quoted attribute. */
function attr(text: string): string {
  return text.replace(/&(?!#?\w+;)/g, '&amp;').replace(/"/g, '&quot;');
}

/** Site path normalised for lookup: `/a/b` and `/a/b/` and `/a/b/index.html` are the same page. */
export function normalisePath(path: string): string {
  let p = path.replace(/index\.html$/, '');
  if (!p.endsWith('/')) p += '/';
  return p;
}

/** All ids the fragment defines, in document order. */
export function collectIds(html: string): string[] {
  const ids: string[] = [];
  for (const tag of html.matchAll(START_TAG)) {
    for (const a of tag[2].matchAll(ATTRIBUTE)) {
      if (a[2].toLowerCase() === 'id' && a[4] !== undefined) ids.push(unquote(a[4]).text);
    }
  }
  return ids;
}

export function scopeFragment(html: string, options: ScopeOptions): string {
  const { prefix, anchors = new Map(), headingShift = 0, contextLabel } = options;
  const pagePath = normalisePath(options.pagePath);
  const ids = new Set(collectIds(html));
  const local = (id: string) => (ids.has(id) ? scopedId(prefix, id) : id);

  const rewriteHref = (href: string): string => {
    if (href.startsWith('#')) {
      const frag = safeDecode(href.slice(1));
      return ids.has(frag) ? `#${scopedId(prefix, frag)}` : href;
    }
    // Only site-relative links to handbook pages (`/…`, not `//host`).
    if (!href.startsWith('/') || href.startsWith('//')) return href;
    const hash = href.indexOf('#');
    const rawPath = (hash === -1 ? href : href.slice(0, hash)).split('?')[0];
    const frag = hash === -1 ? '' : safeDecode(href.slice(hash + 1));
    const path = normalisePath(rawPath);
    if (path === pagePath) return frag && ids.has(frag) ? `#${scopedId(prefix, frag)}` : `#${prefix}`;
    const target = anchors.get(path);
    if (!target) return href;
    return frag ? `#${scopedId(target, frag)}` : `#${target}`;
  };

  let out = html.replace(START_TAG, (whole, name: string, attrs: string, selfClose: string) => {
    let tagName = name;
    const level = /^h([1-6])$/i.exec(name);
    if (level && headingShift) tagName = `h${Math.min(6, Number(level[1]) + headingShift)}`;
    const newAttrs = attrs.replace(ATTRIBUTE, (all, space: string, key: string, eq?: string, value?: string) => {
      if (value === undefined) return all;
      const k = key.toLowerCase();
      const { quote, text } = unquote(value);
      let next: string | undefined;
      if (k === 'id') next = scopedId(prefix, text);
      else if (k === 'href') next = rewriteHref(text.replace(/&amp;/g, '&'));
      else if (ID_LIST_ATTRIBUTES.has(k)) {
        next = text.split(/\s+/).filter(Boolean).map(local).join(' ');
        if (k === 'aria-labelledby' && contextLabel && name.toLowerCase() === 'section') next = `${contextLabel} ${next}`;
      }
      if (next === undefined || next === text) return all;
      return `${space}${key}${eq}${quote === "'" ? `'${next.replace(/'/g, '&#39;')}'` : `"${attr(next)}"`}`;
    });
    if (tagName === name && newAttrs === attrs) return whole;
    return `<${tagName}${newAttrs}${selfClose ? ' /' : ''}>`;
  });
  if (headingShift) {
    out = out.replace(/<\/h([1-6])\s*>/gi, (_m, n: string) => `</h${Math.min(6, Number(n) + headingShift)}>`);
  }
  return out;
}

/**
 * The list that follows a heading with the given text (e.g. the questions under “培训讨论”),
 * as HTML, or undefined. The list must come before the next heading of any level.
 */
export function listAfterHeading(html: string, headingText: string): string | undefined {
  const heading = new RegExp(`<h([1-6])\\b[^>]*>\\s*${headingText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*</h\\1>`, 'i');
  const m = heading.exec(html);
  if (!m) return undefined;
  const rest = html.slice(m.index + m[0].length);
  const next = rest.search(/<h[1-6]\b/i);
  const section = next === -1 ? rest : rest.slice(0, next);
  const list = /<(ol|ul)\b[^>]*>[\s\S]*<\/\1>/i.exec(section);
  return list?.[0];
}

/** Plain text of an HTML fragment (for comparisons and labels). */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
