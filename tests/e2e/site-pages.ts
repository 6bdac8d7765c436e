/** The pages of the built site under test, for tests that sweep the whole site. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { getConfig } from '../../src/lib/config.ts';

/** The build under test: dist/, or $HB_BUILD_DIR/dist when that is set (as for the build). */
export const dist = getConfig().outDir;

/** Every index.html in dist/, as URL paths. */
export function builtPages(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('_') && entry.name !== 'pagefind') walk(full);
      } else if (entry.name === 'index.html') {
        out.push(`/${path.relative(dist, dir).split(path.sep).join('/')}/`.replace(/^\/\/$/, '/'));
      }
    }
  };
  walk(dist);
  return out.sort();
}

/** The pages the sitemap lists, as URL paths. */
export function sitemapPages(): string[] {
  const index = readFileSync(path.join(dist, 'sitemap-index.xml'), 'utf8');
  return [...index.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .flatMap((m) => {
      const file = path.join(dist, new URL(m[1]).pathname);
      return [...readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((u) => decodeURI(new URL(u[1]).pathname));
    })
    .sort();
}
