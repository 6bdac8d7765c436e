/**
 * A local edition's mistakes stop the build with the file and the fix, in Chinese: a bad
 * edition.yaml; a local file that would replace a national one; and — what makes a national
 * update safe — a local note whose page or heading the national text no longer has.
 * Real builds of fixture folders (national fixture + an edition fixture).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/lib/config';
import { buildFixture } from './build-fixture';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const national = path.join(fixtures, 'build-errors/ok');
const edition = (name: string) => path.join(fixtures, 'editions', name);

describe('a local edition', () => {
  it('with a bad edition.yaml: every field to fix, named', () => {
    let error: unknown;
    try {
      loadConfig({ HB_EDITION: edition('bad-config') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('edition.yaml：字段 shortName：缺少“shortName（简称）”，请补上。');
    expect(message).toContain('字段 date：“date”（版本日期）应写成 2026-11-27 这样的日期。');
    expect(message).toContain('字段 siteUrl：“siteUrl”（网址）应写完整的网址');
    expect(message).toContain('不认识的字段：colour');
  });

  it('naming a folder that does not exist, or none inside content/', () => {
    expect(() => loadConfig({ HB_EDITION: 'editions/no-such' })).toThrow(/环境变量 HB_EDITION 指向的文件夹“editions\/no-such”不存在/);
  });

  it('with a note whose page or heading the national text does not have: fails naming the note file and the missing place', () => {
    const { status, output } = buildFixture(national, { env: { HB_EDITION: edition('dangling') } });
    expect(status).not.toBe(0);
    expect(output).toMatch(/editions\/dangling\/notes\/missing-page\.mdx：本地注释挂在“meetings\/nope”，全国版里没有这一章/);
    expect(output).toMatch(/editions\/dangling\/notes\/missing-heading\.mdx：本地注释挂在《会议减负总览》的小标题“没有这一节”下，这一章现在没有这个小标题/);
    expect(output).toContain('把 heading 改成这一章现有的小标题之一：问题表现');
  });

  it('with a file that would replace a national one: fails naming both', () => {
    const { status, output } = buildFixture(national, { env: { HB_EDITION: edition('clash') } });
    expect(status).not.toBe(0);
    expect(output).toMatch(/本地内容与全国版同名：\S*editions\/clash\/meetings\/overview\.mdx 与 \S*build-errors\/ok\/meetings\/overview\.mdx/);
  });
});
