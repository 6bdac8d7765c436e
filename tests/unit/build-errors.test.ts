/**
 * What a content editor sees when a chapter is broken: the build stops and names the
 * file, the field and the fix. Real (small) builds of the fixture folders in
 * tests/fixtures/build-errors/.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixture } from './build-fixture';

const fixture = (name: string) => buildFixture(path.resolve(import.meta.dirname, '../fixtures/build-errors', name));

describe('a broken chapter stops the build with a clear message', () => {
  it('builds a correct fixture (control)', () => {
    const { status, output } = fixture('ok');
    expect(output).not.toMatch(/\[ERROR\]/);
    expect(status).toBe(0);
  });

  it('names the file and the field for an unknown topic, and nothing the editor need not fix', () => {
    const { status, output } = fixture('topic');
    expect(status).not.toBe(0);
    expect(output).toContain('build-errors/topic/meetings/overview.mdx：文件开头的元数据有 1 处要改：\n- “topic”（专题）写成了“meeting”');
    expect(output).toContain('按上面的说明改正文件开头两行 --- 之间的字段');
    // Astro's English frame and its advice on browser APIs (set off by the topic `documents`).
    expect(output).not.toContain('does not match collection schema');
    expect(output).not.toContain('Browser APIs');
  });

  it('reports a chapter whose topic names another folder once, with its fix, and no order clash in that topic', () => {
    const { status, output } = fixture('topic-folder');
    expect(status).not.toBe(0);
    expect(output).toContain('手册内容有 1 处问题：\n- tests/fixtures/build-errors/topic-folder/meetings/overview.mdx：字段 topic 写的是“documents”，但文件在 meetings/ 文件夹里。');
    expect(output).toContain('把 topic 改成 meetings，或把文件移到 documents/ 文件夹。');
    expect(output).not.toContain('字段 order');
    expect(output).not.toContain('Browser APIs');
  });

  it('names the file and the new name when a file name has capitals or a space', () => {
    const { status, output } = fixture('filename');
    expect(status).not.toBe(0);
    expect(output).toContain('filename/meetings/Attendance.mdx：文件名“Attendance”会变成网址的一部分，只能用小写英文字母、数字和连字符');
    expect(output).toContain('filename/meetings/Attendance.mdx：把文件改名为 attendance.mdx。');
    expect(output).toContain('filename/meetings/new chapter.mdx：把文件改名为 new-chapter.mdx。');
  });

  it('names the file, the line and where to put the image when an image does not exist', () => {
    const { status, output } = fixture('image');
    const file = 'tests/fixtures/build-errors/image/meetings/overview.mdx';
    expect(status).not.toBe(0);
    expect(output).toContain(`${file} 第 11 行：图片“/images/no-such.png”不存在（应在 public/images/no-such.png）。`);
    expect(output).toContain(`${file} 第 11 行：把图片文件放到 public/images/no-such.png`);
    expect(output).toContain(`${file} 第 13 行：图片“./no-such-either.png”不存在（应在 tests/fixtures/build-errors/image/meetings/no-such-either.png）。`);
    expect(output).toContain(`${file} 第 15 行：图片“/images/missing-too.png”不存在`);
    // The image that exists (public/icons/icon-192.png) is not reported.
    expect(output).toContain('手册内容有 3 处问题');
  });

  it('names the chapter file, not a page that shows it, for an unknown component, listing those there are', () => {
    const { status, output } = fixture('component');
    expect(status).not.toBe(0);
    expect(output).toContain('tests/fixtures/build-errors/component/meetings/overview.mdx 第 11 行：没有名为 <Foo> 的组件。');
    expect(output).toContain('检查拼写和大小写。可用的组件：<Checklist>、<Callout>');
    expect(output).not.toContain('/print/');
    expect(output).not.toContain('Expected component');
  });

  it('names the file and the line of an unclosed component and says how to close it', () => {
    const { status, output } = fixture('unclosed');
    expect(status).not.toBe(0);
    expect(output).toContain('tests/fixtures/build-errors/unclosed/meetings/overview.mdx 第 11 行：<Callout> 没有结束标签。');
    expect(output).toContain('在这个组件的内容后面另起一行写 </Callout>');
    expect(output).not.toContain('Expected a closing tag');
  });

  it('names the file and the line, quoting it, when the frontmatter is not valid YAML, with the likely fix', () => {
    const { status, output } = fixture('yaml');
    expect(status).not.toBe(0);
    expect(output).toContain('tests/fixtures/build-errors/yaml/meetings/overview.mdx 第 3 行：文件开头两行 --- 之间的元数据写法有误，读不出来：description: 注意: 参会范围要写清楚。');
    expect(output).toContain('把它改成中文冒号“：”，或者把整个值用英文双引号括起来');
    expect(output).not.toContain('bad indentation');
  });

  it('names both files when two chapters share an order, with the fix as the hint', () => {
    const { status, output } = fixture('order');
    expect(status).not.toBe(0);
    expect(output).toMatch(/(agenda|overview)\.mdx：字段 order 为 1，与 \S*(overview|agenda)\.mdx 重复/);
    expect(output).toContain('给其中一章换一个没用过的 order');
  });

  it('names the file when a checklist has no id', () => {
    const { status, output } = fixture('checklist-id');
    expect(status).not.toBe(0);
    expect(output).toMatch(/overview\.mdx：<Checklist> 缺少 id/);
  });

  it('names both files when two checklists share an id', () => {
    const { status, output } = fixture('checklist-dup');
    expect(status).not.toBe(0);
    expect(output).toMatch(/清单 id “meetings-x” 与 .*\.mdx 中的清单重复/);
  });

  it('names the file and the link when a link or anchor leads nowhere', () => {
    const { status, output } = fixture('links');
    expect(status).not.toBe(0);
    expect(output).toMatch(/overview\.mdx（\/meetings\/overview\/）：链接“\/meetings\/nope\/”指向的页面不存在/);
    expect(output).toContain('锚点 #没有这一节 在目标页面上不存在');
  });

  it('names the file and the citation when a cited policy record does not exist, listing the ones that do', () => {
    const { status, output } = fixture('cite-doc');
    expect(status).not.toBe(0);
    expect(output).toContain('meetings/overview.mdx：引用了不存在的政策文件“rules-2042”：<Cite doc="rules-2042" part="meetings" />。');
    expect(output).toContain('现有：rules-test');
  });

  it('names the file and the citation when a cited part does not exist, listing the parts there are', () => {
    const { status, output } = fixture('cite-part');
    expect(status).not.toBe(0);
    expect(output).toContain('meetings/overview.mdx：政策文件“rules-test”没有编号为“meeting”的部分：<Cite doc="rules-test" part="meeting" />。');
    expect(output).toContain('这份文件可引用的部分：meetings（第二部分　会议）');
  });
});
