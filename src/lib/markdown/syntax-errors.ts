/**
 * MDX syntax errors told to editors. The MDX parser stops at an unclosed `<Callout>`, a
 * stray `</Callout>` or a bare `{` or `<` in the text with an English message; this turns the
 * common ones into Chinese, naming the file, the line and how to fix it. The build's Markdown
 * processor is wrapped once in astro.config.mjs (`withSyntaxErrors`).
 */
import path from 'node:path';
import { getConfig } from '../config.ts';
import { atLine, editorError, type EditorError } from '../errors.ts';

interface Translation {
  pattern: RegExp;
  message: (m: RegExpMatchArray) => string;
  fix: (m: RegExpMatchArray) => string;
}

const BRACES = '正文里要写大括号时写成 \\{ 和 \\}；{/* 注释 */} 这样的注释要写完整。';

const TRANSLATIONS: Translation[] = [
  {
    pattern: /Expected a closing tag for `<([^>\s]+)>`/,
    message: (m) => `<${m[1]}> 没有结束标签。`,
    fix: (m) =>
      `在这个组件的内容后面另起一行写 </${m[1]}>，前后各空一行；不包内容的组件写成 <${m[1]} … />（斜杠在 > 前）。`,
  },
  {
    pattern: /Unexpected closing tag `<\/([^>\s]*)>`, expected corresponding closing tag for `<([^>\s]*)>`/,
    message: (m) => `结束标签 </${m[1]}> 与前面的 <${m[2]}> 对不上。`,
    fix: (m) => `标签要成对、先开的后关：在 </${m[1]}> 之前先写 </${m[2]}>，或删掉多余的 </${m[1]}>；组件的开始和结束标签前后各空一行。`,
  },
  {
    pattern: /Unexpected closing (?:tag `<\/([^>\s]*)>`|slash `\/` in tag)/,
    message: (m) => `多了一个结束标签${m[1] ? ` </${m[1]}>` : ''}，前面没有对应的开始标签。`,
    fix: () => '删掉这个结束标签，或在前面补上开始标签；组件的开始和结束标签前后各空一行。',
  },
  {
    pattern: /closing brace for `\{`|Could not parse expression/,
    message: () => '大括号 { } 在 MDX 里表示代码，这里的写法无法识别。',
    fix: () => BRACES,
  },
  {
    pattern: /Unexpected character .*(?:before name|after `<`)/,
    message: () => '“<”在 MDX 里表示标签开头，这里后面跟的不是组件或标签名。',
    fix: () => '正文里要写小于号时写成 \\< ；组件名要紧跟在 < 后面，例如 <Callout>。',
  },
];

/** The Chinese error for an MDX syntax error in `file` (relative), or undefined for any other error. */
export function syntaxError(error: unknown, file: string): EditorError | undefined {
  if (!(error instanceof Error)) return undefined;
  const translation = TRANSLATIONS.map((t) => ({ t, m: error.message.match(t.pattern) })).find((x) => x.m);
  if (!translation?.m) return undefined;
  const [, line, column] = /^(\d+):(\d+):/.exec(error.message) ?? [];
  const translated = editorError(`${atLine(file, line ? Number(line) : undefined)}：${translation.t.message(translation.m)}`, translation.t.fix(translation.m));
  // @astrojs/mdx reads these for the error's location (file:line:column).
  return Object.assign(translated, line ? { line: Number(line), column: Number(column) } : {});
}

interface MdxRenderer {
  process(content: string, filePath: string, frontmatter: Record<string, unknown>): Promise<unknown>;
}
interface MarkdownProcessor {
  createMdxRenderer?(shared: never, mdx: never): Promise<MdxRenderer>;
}

/** The processor, its MDX renderer reporting syntax errors in Chinese (changed in place: integrations share it). */
export function withSyntaxErrors<P extends MarkdownProcessor>(processor: P): P {
  const create = processor.createMdxRenderer?.bind(processor);
  if (!create) return processor;
  processor.createMdxRenderer = async (shared, mdx) => {
    const renderer = await create(shared, mdx);
    return {
      process: async (content, filePath, frontmatter) => {
        try {
          return await renderer.process(content, filePath, frontmatter);
        } catch (error) {
          throw syntaxError(error, path.relative(getConfig().root, filePath)) ?? error;
        }
      },
    };
  };
  return processor;
}
