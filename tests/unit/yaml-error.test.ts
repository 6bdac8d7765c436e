/**
 * Frontmatter that is not YAML, as @astrojs/mdx reports it (js-yaml's YAMLException with the
 * file and line), told to the editor in Chinese with the likely fix (src/lib/errors.ts).
 * The whole path through a build: tests/unit/build-errors.test.ts (fixture `yaml`).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { yamlError } from '../../src/lib/errors';

const root = mkdtempSync(path.join(tmpdir(), 'hb-yaml-'));
const file = path.join(root, 'content', 'meetings', 'overview.mdx');
mkdirSync(path.dirname(file), { recursive: true });

/** The error as @astrojs/mdx rethrows js-yaml's (utils.js, safeParseFrontmatter). */
function yamlException(reason: string, line: number): Error {
  return Object.assign(new Error(reason), { name: 'YAMLException', reason, id: file, loc: { file, line, column: 0 } });
}

describe('frontmatter that is not YAML', () => {
  it('names the file and line, quotes the line and gives the fix for each usual mistake', () => {
    const cases: [string, number, string, string][] = [
      ['duplicated mapping key', 4, 'topic: meetings', '同一个字段写了两次'],
      ['tab characters must not be used in indentation', 2, 'title: 会议', 'Tab'],
      ['unexpected end of the stream within a double quoted scalar', 3, 'description: "没有结尾的引号', '引号没有配对'],
      ['something js-yaml has not said before', 3, 'description: x', '每行写成“字段: 值”'],
    ];
    for (const [reason, line, text, fix] of cases) {
      const lines = ['---', 'title: 会议', 'description: x', 'topic: meetings', '---'];
      lines[line - 1] = text;
      writeFileSync(file, lines.join('\n'));
      const error = yamlError(yamlException(reason, line), root);
      expect(error?.message).toBe(`content/meetings/overview.mdx 第 ${line} 行：文件开头两行 --- 之间的元数据写法有误，读不出来：${text}`);
      expect(error?.hint).toContain(fix);
      expect(error?.hint).toContain('重新运行 npm run build');
    }
  });

  it('leaves every other error alone', () => {
    expect(yamlError(new Error('bad indentation of a mapping entry'), root)).toBeUndefined();
    expect(yamlError('YAMLException', root)).toBeUndefined();
  });
});
