/**
 * Sätteri plugin: every component a page uses exists. A misspelt or unknown `<Foo />` would
 * otherwise compile and fail only when a page renders it, with React's English message and
 * the address of whichever page came first (often a print page), not the chapter's file.
 *
 * The components a page may use are those src/components/mdx/index.ts exports (every page
 * gets them without an import line), and any the file imports or defines itself.
 * Lower-case tags (`<img>`, `<abbr>`) are HTML and are left alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MdastPluginDefinition, MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
import { getConfig } from '../config.ts';
import { atLine, problemsError } from '../errors.ts';
import type { Problem } from '../validate.ts';
import { sourceFile } from './source.ts';

export const COMPONENTS_INDEX = 'src/components/mdx/index.ts';

let known: string[] | undefined;

/** The names index.ts exports, read from its `export { default as Name } from …` lines. */
export function knownComponents(): string[] {
  known ??= [...readFileSync(path.join(getConfig().root, COMPONENTS_INDEX), 'utf8').matchAll(/export\s*\{\s*default\s+as\s+([A-Z]\w*)\s*\}/g)].map(
    (m) => m[1],
  );
  return known;
}

type Ctx = { fileURL: URL | undefined; data: Record<string, unknown> };

export function componentsPlugin(): MdastPluginDefinition {
  const visit = (node: MdxJsxFlowElement | MdxJsxTextElement, ctx: Ctx) => {
    // <Foo.Bar> is Foo's; a fragment (<>) has no name.
    const name = node.name?.split('.')[0];
    if (!name || !/^[A-Z]/.test(name) || knownComponents().includes(name)) return;
    if ((ctx.data.hbOwnNames as Set<string>).has(name)) return;
    const problems = ctx.data.hbComponentProblems as Problem[];
    problems.push({
      file: atLine(sourceFile(ctx.fileURL), node.position?.start.line),
      message: `没有名为 <${node.name}> 的组件。`,
      fix: `检查拼写和大小写。可用的组件：${knownComponents().map((n) => `<${n}>`).join('、')}（见 ${COMPONENTS_INDEX}）。只想在正文里显示“<”时写成 \\<。`,
    });
  };
  return {
    name: 'hb-components',
    options: { position: true },
    before(root, ctx) {
      ctx.data.hbComponentProblems = [];
      // Names the file brings itself: `import X from …`, `export const X = …`.
      const own = new Set<string>();
      for (const node of root.children) {
        if (node.type !== 'mdxjsEsm') continue;
        for (const m of node.value.matchAll(/\b[A-Z]\w*/g)) own.add(m[0]);
      }
      ctx.data.hbOwnNames = own;
    },
    mdxJsxFlowElement: visit,
    mdxJsxTextElement: visit,
    after(_root, ctx) {
      const problems = ctx.data.hbComponentProblems as Problem[];
      if (problems.length) throw problemsError(problems);
    },
  };
}
