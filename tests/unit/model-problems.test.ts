/**
 * Editor mistakes across files, caught by the model without a build (fixture
 * tests/fixtures/handbook-broken/): one build error lists every problem with its file, in
 * Chinese, and the hint says how to fix each.
 */
import { AstroError } from 'astro/errors';
import { describe, expect, it, vi } from 'vitest';

vi.mock('astro:content', async () => (await import('./test-utils')).mockedAstroContent('handbook-broken'));

const { getHandbook } = await import('../../src/lib/handbook');

describe('a handbook with mistakes across files (fixture)', async () => {
  const error = await getHandbook().then(() => undefined, (e: unknown) => e);

  it('fails as one AstroError', () => {
    expect(error).toBeInstanceOf(AstroError);
    expect((error as AstroError).message).toMatch(/^手册内容有 4 处问题：/);
  });

  it('names a chapter in a misspelt topic folder, which no collection would read', () => {
    const { message, hint } = error as AstroError;
    expect(message).toContain('- tests/fixtures/handbook-broken/meeting/overview.mdx：这个文件不在任何专题文件夹里');
    expect(hint).toMatch(/meeting\/overview\.mdx：章节应放在 content\/<专题>\/<章节>\.mdx/);
  });

  it('names a file whose name would become a rewritten address, with a name to use instead', () => {
    const { message, hint } = error as AstroError;
    expect(message).toContain('meetings/New chapter.mdx：文件名“New chapter”会变成网址的一部分');
    expect(hint).toContain('meetings/New chapter.mdx：把文件改名为 new-chapter.mdx');
  });

  it('names a chapter whose topic does not match its folder, and two chapters sharing an order', () => {
    const { message, hint } = error as AstroError;
    expect(message).toContain('meetings/New chapter.mdx：字段 topic 写的是“documents”，但文件在 meetings/ 文件夹里。');
    expect(hint).toContain('把 topic 改成 meetings，或把文件移到 documents/ 文件夹。');
    expect(message).toMatch(/meetings\/(agenda|overview)\.mdx：字段 order 为 1，与 \S+meetings\/(overview|agenda)\.mdx 重复。/);
  });
});
