/**
 * Content loaders. `layeredGlob` reads one collection from every content layer (config.ts:
 * the national content/, later a local edition's folder over it), through Astro's own
 * `glob()` loader once per layer. Collections say what they are (patterns from the route
 * map), never what they are not.
 *
 * Entry ids are the file path without `.mdx`, unchanged: `meetings/Attendance` stays as
 * written, so the model can tell the editor to rename it instead of publishing it under a
 * silently rewritten address. A later layer may add entries, never replace one: two files
 * with the same id fail the build naming both.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ContentLayer } from './config.ts';
import { editorError, frontmatterError, yamlError } from './errors.ts';
import { entryId } from './routes.ts';

export interface LayeredGlobOptions {
  /** Content layers, in overlay order. */
  layers: readonly ContentLayer[];
  /** The collection's folder inside each layer ('' for the layer itself). */
  folder: string;
  /** Glob patterns relative to that folder. */
  patterns: string[];
}

export function layeredGlob({ layers, folder, patterns }: LayeredGlobOptions): Loader {
  return {
    name: 'hb-layered-glob',
    load: async (context: LoaderContext) => {
      const root = context.config.root.pathname;
      const owners = new Map<string, string>();
      const clashes: string[] = [];
      const bases: string[] = [];
      // A schema failure, told in Chinese and naming the file (see frontmatterError).
      const parseData = (async (props) => {
        try {
          return await context.parseData(props);
        } catch (error) {
          throw frontmatterError(error, props.filePath ? path.relative(root, props.filePath) : props.id) ?? error;
        }
      }) as LoaderContext['parseData'];
      const under = (relBase: string) => (id: string) => {
        const file = context.store.get(id)?.filePath ?? '';
        return file === relBase || file.startsWith(`${relBase}/`);
      };
      for (const layer of layers) {
        const base = path.join(layer.dir, folder);
        // A layer need not have every kind of content (the national text has no local notes).
        if (!existsSync(base)) continue;
        const relBase = path.relative(root, base).split(path.sep).join('/');
        bases.push(relBase);
        // Each glob() deletes the store entries it did not see: show it only this layer's own.
        const mine = under(relBase);
        const store = { ...context.store, keys: () => context.store.keys().filter(mine) };
        const loader = glob({
          base,
          pattern: patterns,
          generateId: ({ entry }) => {
            const id = entryId(entry);
            const file = path.join(relBase, entry);
            const owner = owners.get(id);
            if (owner && owner !== file) {
              clashes.push(`${file} 与 ${owner}`);
              return `${id}\u0000${layer.origin}`;
            }
            owners.set(id, file);
            return id;
          },
        });
        try {
          await loader.load({ ...context, store, parseData });
        } catch (error) {
          // Frontmatter that is not YAML at all: js-yaml's English, told in Chinese.
          throw yamlError(error, root) ?? error;
        }
      }
      // Entries of a layer this build does not have (a local edition built before, from the
      // same cache) must not linger in a national build.
      for (const id of context.store.keys()) {
        if (!bases.some((relBase) => under(relBase)(id))) context.store.delete(id);
      }
      if (clashes.length) {
        throw editorError(
          `本地内容与全国版同名：${clashes.join('；')}。`,
          '本地版只能增加内容，不能替换全国版的文件。请给本地文件换一个文件名；要补充全国版某一章，请写本地注释（见 README“怎样做本地版”）。',
        );
      }
    },
  };
}
