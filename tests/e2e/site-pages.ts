/** Every page of the built site (dist/), as URL paths. Tests that sweep the whole site use this. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The build under test: dist/, or $HB_BUILD_DIR/dist when that is set (as for the build). */
export const dist = process.env.HB_BUILD_DIR
  ? path.resolve(process.env.HB_BUILD_DIR, 'dist')
  : path.resolve(import.meta.dirname, '../../dist');

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
