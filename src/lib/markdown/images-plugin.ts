/**
 * Sätteri plugin: every local image a page shows exists. Without it a missing file is
 * published as a broken image (the reader sees only the alt text) and nobody is told.
 *
 *   ![示意图](/images/flow.png)    a file in public/: public/images/flow.png
 *   ![示意图](./flow.png)          a file beside the page's .mdx (Astro optimises it)
 *   <img src="/images/flow.png" alt="…" />   in MDX: from public/ only; a relative src
 *                                  would be resolved by the browser against the page's address
 *
 * All missing images of a page fail the build together, naming the file, the line, the path
 * and where to put the image.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { MdastPluginDefinition, MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
import { getConfig } from '../config.ts';
import { atLine, problemsError } from '../errors.ts';
import type { Problem } from '../validate.ts';
import { sourceFile } from './source.ts';

type Attr = { type: string; name?: string; value?: unknown };
type Position = { position?: { start: { line: number } } | null };

/** http:, https:, data:, mailto: … and //host: not ours to check. */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

function decoded(src: string): string {
  const bare = src.split(/[?#]/)[0];
  try {
    return decodeURI(bare);
  } catch {
    return bare;
  }
}

export function imagesPlugin(): MdastPluginDefinition {
  const publicDir = () => path.join(getConfig().root, 'public');
  const rel = (file: string) => path.relative(getConfig().root, file).split(path.sep).join('/');

  const check = (src: string, node: Position, markdown: boolean, ctx: { fileURL: URL | undefined; data: Record<string, unknown> }) => {
    if (!src || REMOTE.test(src)) return;
    const file = sourceFile(ctx.fileURL);
    const problems = ctx.data.hbImageProblems as Problem[];
    const where = atLine(file, node.position?.start.line);
    const name = decoded(src);
    if (name.startsWith('/')) {
      const target = path.join(publicDir(), name);
      if (!existsSync(target)) {
        problems.push({
          file: where,
          message: `图片“${src}”不存在（应在 ${rel(target)}）。`,
          fix: `把图片文件放到 ${rel(target)}，或改正图片路径（以 / 开头的路径从 public/ 文件夹算起）。`,
        });
      }
      return;
    }
    const target = path.resolve(path.dirname(path.resolve(getConfig().root, file)), name);
    if (!markdown) {
      problems.push({
        file: where,
        message: `<img> 的图片路径“${src}”没有以 / 开头，读者的浏览器会按网页地址去找，找不到这张图。`,
        fix: `把图片放进 public/images/，写成 src="/images/${path.basename(name)}"；或改用 Markdown 写法 ![说明](${src})。`,
      });
      return;
    }
    if (!existsSync(target)) {
      problems.push({
        file: where,
        message: `图片“${src}”不存在（应在 ${rel(target)}）。`,
        fix: `把图片文件放到 ${rel(target)}，或改正图片路径（以 ./ 开头的路径从这个 .mdx 文件所在的文件夹算起）。`,
      });
    }
  };

  const jsxImage = (node: MdxJsxFlowElement | MdxJsxTextElement, ctx: { fileURL: URL | undefined; data: Record<string, unknown> }) => {
    if (node.name !== 'img') return;
    const src = (node.attributes as readonly Attr[]).find((a) => a.type === 'mdxJsxAttribute' && a.name === 'src')?.value;
    // A computed src ({…}) cannot be checked here.
    if (typeof src === 'string') check(src.trim(), node, false, ctx);
  };

  return {
    name: 'hb-images',
    options: { position: true },
    before(_root, ctx) {
      ctx.data.hbImageProblems = [];
    },
    image: (node, ctx) => check(node.url.trim(), node, true, ctx),
    mdxJsxFlowElement: jsxImage,
    mdxJsxTextElement: jsxImage,
    after(_root, ctx) {
      const problems = ctx.data.hbImageProblems as Problem[];
      if (problems.length) throw problemsError(problems);
    },
  };
}
