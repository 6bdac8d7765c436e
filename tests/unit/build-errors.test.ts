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

  it('names the file and the field for an unknown topic', () => {
    const { status, output } = fixture('topic');
    expect(status).not.toBe(0);
    expect(output).toContain('overview.mdx');
    expect(output).toContain('“topic”（专题）写成了“meeting”');
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
});
