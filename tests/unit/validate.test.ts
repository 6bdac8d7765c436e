import { describe, expect, it } from 'vitest';
import { chapterProblems, formatProblems, slugProblem } from '../../src/lib/validate';

const entry = (id: string, topic: string, order: number) => ({
  id,
  filePath: `content/${id}.mdx`,
  data: { topic, order },
});

describe('cross-chapter checks', () => {
  it('passes a consistent set', () => {
    expect(chapterProblems([entry('meetings/overview', 'meetings', 1), entry('meetings/attendance', 'meetings', 2)])).toEqual([]);
  });

  it('names both files when two chapters share an order, and says what to change', () => {
    expect(chapterProblems([entry('meetings/overview', 'meetings', 1), entry('meetings/agenda', 'meetings', 1)])).toEqual([
      {
        file: 'content/meetings/agenda.mdx',
        message: '字段 order 为 1，与 content/meetings/overview.mdx 重复。',
        fix: '同一专题内排序号不能相同：给其中一章换一个没用过的 order。',
      },
    ]);
  });

  it('allows the same order in different topics', () => {
    expect(chapterProblems([entry('meetings/overview', 'meetings', 1), entry('documents/overview', 'documents', 1)])).toEqual([]);
  });

  it('catches a chapter filed in the wrong folder', () => {
    expect(chapterProblems([entry('documents/overview', 'meetings', 1)])).toEqual([
      {
        file: 'content/documents/overview.mdx',
        message: '字段 topic 写的是“meetings”，但文件在 documents/ 文件夹里。',
        fix: '把 topic 改成 documents，或把文件移到 meetings/ 文件夹。',
      },
    ]);
  });

  it('reports only the topic of a chapter in the wrong folder, not an order clash in a topic it may leave', () => {
    expect(chapterProblems([entry('documents/overview', 'documents', 1), entry('meetings/overview', 'documents', 1)])).toEqual([
      {
        file: 'content/meetings/overview.mdx',
        message: '字段 topic 写的是“documents”，但文件在 meetings/ 文件夹里。',
        fix: '把 topic 改成 meetings，或把文件移到 documents/ 文件夹。',
      },
    ]);
  });

  it('rejects file names that do not make clean URLs, suggesting one that does', () => {
    expect(slugProblem({ id: 'meetings/会议', filePath: 'content/meetings/会议.mdx' })).toMatchObject({
      message: '文件名“会议”会变成网址的一部分，只能用小写英文字母、数字和连字符（不能有大写字母、空格或汉字）。',
      fix: '把文件改成小写英文、数字和连字符组成的名字，例如 attendance.mdx。',
    });
    expect(slugProblem({ id: 'meetings/New chapter' })?.fix).toBe('把文件改名为 new-chapter.mdx。');
    expect(slugProblem({ id: 'meetings/attendance' })).toBeUndefined();
  });

  it('formats problems as one message (file：problem) and a hint (file：fix)', () => {
    const { message, hint } = formatProblems(chapterProblems([entry('documents/overview', 'meetings', 1)]));
    expect(message).toBe('手册内容有 1 处问题：\n- content/documents/overview.mdx：字段 topic 写的是“meetings”，但文件在 documents/ 文件夹里。');
    expect(hint).toBe('content/documents/overview.mdx：把 topic 改成 documents，或把文件移到 meetings/ 文件夹。');
  });
});
