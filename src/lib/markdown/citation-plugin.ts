/**
 * Sätteri plugin for citations in MDX:
 *
 *   2024年的<Cite doc="rules-2024" part="secondment" />要求……
 *   ## 依据
 *   <Sources />
 *
 * Records every `<Cite>` of the page, in order, in the page's remark frontmatter
 * (`citations`: the model checks them against the policy records and makes backlinks from
 * them), and hands the list to the page's `<Sources />` as a prop, so the 依据 list is
 * generated from the citations. A `<Cite>` without a quoted `doc` fails here, naming the file.
 */
import type { MdastPluginDefinition, MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
import type { Citation } from '../citations.ts';
import { sourceFile } from './source.ts';

type Attr = { type: string; name?: string; value?: unknown };

function attribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string, file: string): string | undefined {
  const attr = (node.attributes as readonly Attr[]).find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attr) return undefined;
  if (typeof attr.value !== 'string' || !attr.value.trim()) {
    throw new Error(`${file}：<Cite> 的 ${name} 要写成 ${name}="…"（带引号的编号），例如 <Cite doc="rules-2024" part="meetings" />。`);
  }
  return attr.value.trim();
}

/** The document's citations so far, kept in the document's own data bag (documents may compile in parallel). */
function found(data: Record<string, unknown>): Citation[] {
  return ((data.hbCitations as Citation[] | undefined) ??= []);
}

export function citationPlugin(): MdastPluginDefinition {
  const cite = (node: MdxJsxFlowElement | MdxJsxTextElement, ctx: { fileURL: URL | undefined; data: Record<string, unknown> }) => {
    if (node.name !== 'Cite') return;
    const file = sourceFile(ctx.fileURL);
    const doc = attribute(node, 'doc', file);
    if (!doc) throw new Error(`${file}：<Cite> 缺少 doc（政策文件编号），例如 <Cite doc="rules-2024" part="meetings" />。`);
    const part = attribute(node, 'part', file);
    found(ctx.data).push(part ? { doc, part } : { doc });
  };
  return {
    name: 'hb-citations',
    before(_root, ctx) {
      ctx.data.hbCitations = [];
    },
    mdxJsxTextElement: cite,
    mdxJsxFlowElement: cite,
    after(root, ctx) {
      const citations = found(ctx.data);
      const fm = (ctx.data as { astro?: { frontmatter: Record<string, unknown> } }).astro?.frontmatter;
      if (fm) fm.citations = citations;
      for (const node of root.children) {
        if (node.type !== 'mdxJsxFlowElement' || node.name !== 'Sources') continue;
        ctx.replaceNode(node, {
          type: 'mdxJsxFlowElement',
          name: 'Sources',
          attributes: [{ type: 'mdxJsxAttribute', name: 'citations', value: JSON.stringify(citations) }],
          children: [],
        } as never);
      }
    },
  };
}
