/**
 * The route map: which content file becomes which page, both ways. The collections
 * (src/content.config.ts), the model (handbook.ts), the link check and the tests all ask
 * here, so an address is worked out in one place.
 *
 *   <layer>/<topic>/<slug>.mdx    → /<topic>/<slug>/      chapters (topics from topics.ts)
 *   <layer>/front/<slug>.mdx      → /guide/<slug>/        front and back matter
 *   <layer>/policies/<id>.mdx     → /policies/<id>/       policy records (the policy library)
 *   <layer>/exercises/<topic>/<slug>.mdx → /training/<topic>/<slug>/   training exercises (练习)
 *
 * and two kinds without pages of their own, which a local edition adds to national pages:
 *   <layer>/notes/<name>.mdx      a 本地规定 box under a heading of a national page
 *   <layer>/glossary/<name>.mdx   local terms, shown on the glossary page
 *
 * A layer is a content folder (config.ts): the national content/, later a local edition's.
 * Plain TypeScript with no Astro imports (build steps and scripts use it under Node).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { TOPIC_SLUGS } from './topics.ts';
import type { ContentLayer } from './config.ts';

export type RoutedCollection = 'chapters' | 'front' | 'policies' | 'exercises';

interface RouteKind {
  /** Glob patterns of the collection's files, relative to the collection's base folder. */
  patterns: string[];
  /** The collection's base folder inside a layer. */
  folder: string;
  /** Site path of the entry with this id. */
  href(id: string): string;
  /** The entry id for a site path, or undefined when the path is not of this kind. */
  idOf(href: string): string | undefined;
}

/** URL-safe file names: lower-case letters, digits and hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ROUTES: Record<RoutedCollection, RouteKind> = {
  chapters: {
    patterns: TOPIC_SLUGS.map((slug) => `${slug}/*.mdx`),
    folder: '',
    href: (id) => `/${id}/`,
    idOf: (href) => {
      const m = /^\/([^/]+)\/([^/]+)\/$/.exec(href);
      return m && (TOPIC_SLUGS as readonly string[]).includes(m[1]) ? `${m[1]}/${m[2]}` : undefined;
    },
  },
  front: {
    patterns: ['*.mdx'],
    folder: 'front',
    href: (id) => `/guide/${id}/`,
    idOf: (href) => /^\/guide\/([^/]+)\/$/.exec(href)?.[1],
  },
  policies: {
    patterns: ['*.mdx'],
    folder: 'policies',
    href: (id) => `/policies/${id}/`,
    idOf: (href) => /^\/policies\/([^/]+)\/$/.exec(href)?.[1],
  },
  exercises: {
    patterns: TOPIC_SLUGS.map((slug) => `${slug}/*.mdx`),
    folder: 'exercises',
    href: (id) => `/training/${id}/`,
    idOf: (href) => {
      const m = /^\/training\/([^/]+)\/([^/]+)\/$/.exec(href);
      return m && (TOPIC_SLUGS as readonly string[]).includes(m[1]) ? `${m[1]}/${m[2]}` : undefined;
    },
  },
};

/** Folders of content that belongs to other pages (see above). */
export const ADDITIONS = {
  notes: { folder: 'notes', patterns: ['*.mdx'] },
  glossary: { folder: 'glossary', patterns: ['*.mdx'] },
} as const;

/** The page a note names (`meetings/attendance`, `front/preface`) → its site path. */
export function hrefOfPageId(id: string): string {
  const [folder, name] = id.split('/');
  return folder === ROUTES.front.folder ? hrefOf('front', name) : hrefOf('chapters', id);
}

/** Entry id from a file path relative to the collection base: `meetings/attendance.mdx` → `meetings/attendance`. */
export function entryId(relativeFile: string): string {
  return relativeFile.split(path.sep).join('/').replace(/\.mdx$/, '');
}

export function hrefOf(collection: RoutedCollection, id: string): string {
  return ROUTES[collection].href(id);
}

/** The site path of a content file in the given layers (chapters, front pages, records, exercises). */
export function hrefOfFile(file: string, layers: readonly ContentLayer[]): string | undefined {
  for (const layer of layers) {
    for (const kind of Object.values(ROUTES)) {
      const rel = path.relative(path.join(layer.dir, kind.folder), file);
      if (!rel || rel.startsWith('..') || path.isAbsolute(rel) || !rel.endsWith('.mdx')) continue;
      const id = entryId(rel);
      if (kind.idOf(kind.href(id)) === id) return kind.href(id);
    }
  }
  return undefined;
}

/** The source file of a site path in the given layers (the last layer that has it), or undefined. */
export function sourceOf(href: string, layers: readonly ContentLayer[]): string | undefined {
  for (const kind of Object.values(ROUTES)) {
    const id = kind.idOf(href);
    if (!id) continue;
    for (const layer of [...layers].reverse()) {
      const file = path.join(layer.dir, kind.folder, `${id}.mdx`);
      if (fileExists(file)) return file;
    }
  }
  return undefined;
}

function fileExists(file: string): boolean {
  try {
    return readdirSync(path.dirname(file)).includes(path.basename(file));
  } catch {
    return false;
  }
}

/**
 * .mdx files in a layer that no collection reads (a misspelt topic folder, a sub-folder):
 * a positive definition of the collections would otherwise skip them without a word.
 * Folders starting with `_` are an editor's drafts and are ignored.
 */
export function strayFiles(layer: ContentLayer): string[] {
  const known = new Set<string>([
    ...TOPIC_SLUGS,
    ...Object.values(ROUTES).map((r) => r.folder).filter(Boolean),
    ...Object.values(ADDITIONS).map((a) => a.folder),
  ]);
  const stray: string[] = [];
  const walk = (dir: string, rel: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name.startsWith('_') || entry.name === 'node_modules') continue;
        walk(path.join(dir, entry.name), relPath);
      } else if (entry.name.endsWith('.mdx')) {
        const parts = relPath.split('/');
        // <topic>/<file>, front/<file>, policies/<file>, exercises/<topic>/<file>
        const ok =
          parts[0] === ROUTES.exercises.folder
            ? parts.length === 3 && (TOPIC_SLUGS as readonly string[]).includes(parts[1])
            : parts.length === 2 && known.has(parts[0]);
        if (!ok) stray.push(path.join(layer.dir, relPath));
      }
    }
  };
  walk(layer.dir, '');
  return stray.sort();
}
