/**
 * What an editor is told about a page's MDX before any build: unknown components, missing
 * images and syntax errors, through Sätteri as the build runs it. The full builds in
 * build-errors.test.ts show the same messages end to end.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs, type Data } from 'satteri';
import { describe, expect, it } from 'vitest';
import { contentPlugins } from '../../src/lib/markdown';
import { syntaxError } from '../../src/lib/markdown/syntax-errors';

const root = path.resolve(import.meta.dirname, '../..');
const file = 'content/meetings/example.mdx';

async function compile(source: string): Promise<void> {
  // Only the frontmatter part of Astro's per-file data matters to the plugins.
  const data = { astro: { frontmatter: {} } } as Data;
  await mdxToJs(source, { mdastPlugins: contentPlugins(), fileURL: pathToFileURL(path.join(root, file)), data });
}

/** The Chinese message and hint the editor gets for `source`. */
async function problem(source: string): Promise<{ message: string; hint: string }> {
  try {
    await compile(source);
  } catch (error) {
    const told = syntaxError(error, file) ?? (error as Error & { hint?: string });
    return { message: told.message, hint: told.hint ?? '' };
  }
  throw new Error('compiled without a problem');
}

describe('components', () => {
  it('accepts the components every page has, HTML tags and what the file imports itself', async () => {
    await expect(
      compile('import Local from "./local.astro";\n\n<Callout type="note">\n\n<abbr title="文件">文</abbr>\n\n</Callout>\n\n<Local />\n\n<MeetingCost />\n'),
    ).resolves.toBeUndefined();
  });

  it('names the file, the line and the components that exist for an unknown one', async () => {
    const { message, hint } = await problem('## 甲\n\n<Foo />\n\n正文<Calout>乙</Calout>\n');
    expect(message).toContain(`${file} 第 3 行：没有名为 <Foo> 的组件。`);
    expect(message).toContain(`${file} 第 5 行：没有名为 <Calout> 的组件。`);
    expect(hint).toContain('<Callout>、<Cite>');
    expect(hint).toContain('src/components/mdx/index.ts');
  });
});

describe('images', () => {
  it('accepts files in public/, remote images and data: addresses', async () => {
    await expect(compile('![图标](/icons/icon-192.png)\n\n![远程](https://example.org/a.png)\n\n<img src="data:image/png;base64,AA==" alt="" />\n')).resolves.toBeUndefined();
  });

  it('says where a missing image should be, for both ways of writing it', async () => {
    const { message, hint } = await problem('![示意图](/images/no-such.png)\n\n![流程](./流程图.png)\n');
    expect(message).toContain(`${file} 第 1 行：图片“/images/no-such.png”不存在（应在 public/images/no-such.png）。`);
    expect(message).toContain(`${file} 第 3 行：图片“./流程图.png”不存在（应在 content/meetings/流程图.png）。`);
    expect(hint).toContain('把图片文件放到 public/images/no-such.png');
  });

  it('rejects a relative <img> src, which the browser would look up under the page address', async () => {
    const { message, hint } = await problem('<img src="../icons/icon-192.png" alt="图标" />\n');
    expect(message).toContain('<img> 的图片路径“../icons/icon-192.png”没有以 / 开头');
    expect(hint).toContain('src="/images/icon-192.png"');
  });
});

describe('MDX syntax errors', () => {
  it.each([
    ['an unclosed component', '## 甲\n\n<Callout>\n\n正文\n', `${file} 第 3 行：<Callout> 没有结束标签。`, '另起一行写 </Callout>'],
    ['a closing tag for another element', '<Callout>\n\n正文 <b>粗</Callout>\n', `${file} 第 3 行：结束标签 </Callout> 与前面的 <b> 对不上。`, '先写 </b>'],
    ['a closing tag without an opening one', '正文\n\n</Callout>\n', `${file} 第 3 行：多了一个结束标签 </Callout>`, '删掉这个结束标签'],
    ['a brace in the text', '正文 {甲 乙} 正文\n', `${file} 第 1 行：大括号 { } 在 MDX 里表示代码`, '写成 \\{ 和 \\}'],
    ['a less-than sign in the text', '人数 <2 人\n', `${file} 第 1 行：“<”在 MDX 里表示标签开头`, '写成 \\<'],
  ])('explains %s in Chinese with the fix', async (_case, source, message, fix) => {
    const told = await problem(source);
    expect(told.message).toContain(message);
    expect(told.hint).toContain(fix);
  });
});
