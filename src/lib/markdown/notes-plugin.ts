/**
 * Sätteri plugin for local editions: in a build with HB_EDITION, every h2/h3 section of a
 * page ends with `<LocalNotes page="…" anchor="…" />`, where the edition's notes for that
 * heading appear (components/mdx/LocalNotes.astro; which notes go where is decided by the
 * model, handbook.ts). So a note reaches the page, the print documents, the handouts, the
 * slides, the search index and the PDFs by the path the chapter itself takes. A national
 * build inserts nothing: its pages are exactly the national text.
 */
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import type { MdastPluginDefinition } from 'satteri';
import { getConfig } from '../config.ts';
import { hrefOfFile } from '../routes.ts';

export function localNotesPlugin(): MdastPluginDefinition {
  const marker = (page: string, anchor: string) =>
    ({
      type: 'mdxJsxFlowElement',
      name: 'LocalNotes',
      attributes: [
        { type: 'mdxJsxAttribute', name: 'page', value: page },
        { type: 'mdxJsxAttribute', name: 'anchor', value: anchor },
      ],
      children: [],
    }) as never;
  return {
    name: 'hb-local-notes',
    after(root, ctx) {
      const config = getConfig();
      if (!config.edition || !ctx.fileURL) return;
      const page = hrefOfFile(fileURLToPath(ctx.fileURL), config.layers);
      if (!page) return;
      // Heading ids as Astro makes them: github-slugger over the heading text, in order.
      const slugger = new GithubSlugger();
      let current: string | undefined;
      for (const node of root.children) {
        if (node.type !== 'heading') continue;
        const slug = slugger.slug(ctx.textContent(node));
        if (node.depth !== 2 && node.depth !== 3) continue;
        if (current) ctx.insertBefore(node, marker(page, current));
        current = slug;
      }
      if (current) ctx.appendChild(root, marker(page, current));
    },
  };
}
