/**
 * What a content editor sees when a chapter is broken: the build stops and names the
 * file and the field. These run real (small) builds of fixture content.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'hb-build-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const chapter = (fm: Record<string, string | number>, body = '## 问题表现\n\n正文。\n') =>
  `---\n${Object.entries(fm).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n${body}`;

const good = { title: '会议减负总览', description: '一句话摘要。', topic: 'meetings', order: 1, updated: '2026-11-27' };

function build(name: string, files: Record<string, string>) {
  const dir = path.join(work, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, 'content', file)), { recursive: true });
    writeFileSync(path.join(dir, 'content', file), text);
  }
  const result = spawnSync(process.execPath, ['scripts/astro.mjs', 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, HB_CONTENT_DIR: path.join(dir, 'content'), HB_BUILD_DIR: path.join(dir, 'build'), NO_COLOR: '1' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('a broken chapter stops the build with a clear message', () => {
  it('builds a correct fixture (control)', () => {
    const { status, output } = build('ok', { 'meetings/overview.mdx': chapter(good) });
    expect(output).not.toMatch(/\[ERROR\]/);
    expect(status).toBe(0);
  });

  it('names the file and the field for an unknown topic', () => {
    const { status, output } = build('topic', { 'meetings/overview.mdx': chapter({ ...good, topic: 'meeting' }) });
    expect(status).not.toBe(0);
    expect(output).toContain('overview.mdx');
    expect(output).toContain('“topic”（专题）写成了“meeting”');
  });

  it('names both files when two chapters share an order', () => {
    const { status, output } = build('order', {
      'meetings/overview.mdx': chapter(good),
      'meetings/agenda.mdx': chapter({ ...good, title: '议程' }),
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/(agenda|overview)\.mdx：字段 order 为 1，与 \S*(overview|agenda)\.mdx 重复/);
  });

  it('names the file when a checklist has no id', () => {
    const body = '## 清单\n\n<Checklist title="会前检查">\n\n- [ ] 第一项\n- [ ] 第二项\n\n</Checklist>\n';
    const { status, output } = build('checklist', { 'meetings/overview.mdx': chapter(good, body) });
    expect(status).not.toBe(0);
    expect(output).toMatch(/overview\.mdx：<Checklist> 缺少 id/);
  });

  it('names both files when two checklists share an id', () => {
    const list = (id: string) => `## 清单\n\n<Checklist id="${id}" title="会前检查">\n\n- [ ] 第一项\n\n</Checklist>\n`;
    const { status, output } = build('dup-checklist', {
      'meetings/overview.mdx': chapter(good, list('meetings-x')),
      'meetings/agenda.mdx': chapter({ ...good, order: 2 }, list('meetings-x')),
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/清单 id “meetings-x” 与 .*\.mdx 中的清单重复/);
  });

  it('names the file and the link when a link or anchor leads nowhere', () => {
    const body = '## 问题表现\n\n见[不存在的章](/meetings/nope/)和[不存在的小节](/meetings/overview/#没有这一节)。\n';
    const { status, output } = build('links', { 'meetings/overview.mdx': chapter(good, body) });
    expect(status).not.toBe(0);
    expect(output).toMatch(/overview\.mdx（\/meetings\/overview\/）：链接“\/meetings\/nope\/”指向的页面不存在/);
    expect(output).toContain('锚点 #没有这一节 在目标页面上不存在');
  });
});
