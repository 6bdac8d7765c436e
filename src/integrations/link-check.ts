/**
 * Build step (steps.ts): every internal link and #anchor in every page must resolve. A
 * broken one fails the build with the source file (from the route map) and the link, so an
 * editor sees which file to fix. PDFs are made by a later step and checked by their own
 * tests; external links are not fetched (no network at build time).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { editorError } from '../lib/errors.ts';
import { getConfig, type ContentLayer } from '../lib/config.ts';
import { sourceOf } from '../lib/routes.ts';
import type { StepContext } from './steps.ts';

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'pagefind' ? [] : htmlFiles(full);
    return e.name.endsWith('.html') ? [full] : [];
  });
}

/** The URL path a built file is served at: dist/a/b/index.html → /a/b/. */
function routeOf(dist: string, file: string): string {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

/** Where an editor fixes a page: its MDX file when there is one (route map), else the route. */
function where(route: string, layers: readonly ContentLayer[], root: string): string {
  const file = sourceOf(route, layers);
  return file ? `${path.relative(root, file)}（${route}）` : route;
}

export function findBrokenLinks(dist: string, layers: readonly ContentLayer[], root: string = getConfig().root): string[] {
  const files = htmlFiles(dist);
  const ids = new Map<string, Set<string>>();
  const html = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    html.set(file, text);
    ids.set(file, new Set([...text.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(unescape(m[1])))));
  }
  const problems: string[] = [];
  for (const file of files) {
    const route = routeOf(dist, file);
    for (const m of html.get(file)!.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
      const href = unescape(m[1]);
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue; // external, mailto:, tel:, data:
      const url = new URL(href, `http://site${route}`);
      if (/\.(pdf|docx)$/.test(url.pathname)) continue; // made by later build steps
      const pathname = decode(url.pathname);
      const target = pathname.endsWith('/') ? path.join(dist, pathname, 'index.html') : path.join(dist, pathname);
      const targetFile = existsSync(target) ? target : existsSync(path.join(target, 'index.html')) ? path.join(target, 'index.html') : undefined;
      if (!targetFile) {
        problems.push(`${where(route, layers, root)}：链接“${href}”指向的页面不存在。`);
        continue;
      }
      const anchor = decode(url.hash.slice(1));
      if (anchor && !/^share=/.test(anchor) && ids.has(targetFile) && !ids.get(targetFile)!.has(anchor)) {
        problems.push(`${where(route, layers, root)}：链接“${href}”中的锚点 #${anchor} 在目标页面上不存在。`);
      }
    }
  }
  return [...new Set(problems)];
}

export async function linkCheck({ dist, logger }: StepContext): Promise<void> {
  const problems = findBrokenLinks(dist, getConfig().layers);
  if (problems.length) {
    throw editorError(
      `链接检查发现 ${problems.length} 处问题：\n- ${problems.join('\n- ')}`,
      '改正链接的地址或锚点（锚点是目标页面上小标题的文字），或删掉这个链接，然后重新运行 npm run build。',
    );
  }
  logger.info('all internal links and anchors resolve');
}
