import { describe, expect, it } from 'vitest';
import { chapterProblems } from '../../src/lib/validate';

const entry = (id: string, topic: string, order: number) => ({
  id,
  filePath: `content/${id}.mdx`,
  data: { topic, order },
});

describe('cross-chapter checks', () => {
  it('passes a consistent set', () => {
    expect(chapterProblems([entry('meetings/overview', 'meetings', 1), entry('meetings/attendance', 'meetings', 2)])).toEqual([]);
  });

  it('names both files when two chapters share an order', () => {
    expect(chapterProblems([entry('meetings/overview', 'meetings', 1), entry('meetings/agenda', 'meetings', 1)])).toEqual([
      'content/meetings/agenda.mdx：字段 order 为 1，与 content/meetings/overview.mdx 重复。同一专题内排序号不能相同。',
    ]);
  });

  it('allows the same order in different topics', () => {
    expect(chapterProblems([entry('meetings/overview', 'meetings', 1), entry('documents/overview', 'documents', 1)])).toEqual([]);
  });

  it('catches a chapter filed in the wrong folder', () => {
    expect(chapterProblems([entry('documents/overview', 'meetings', 1)])).toEqual([
      'content/documents/overview.mdx：字段 topic 写的是“meetings”，但文件在 documents/ 文件夹里。请让两者一致。',
    ]);
  });

  it('rejects file names that do not make clean URLs', () => {
    expect(chapterProblems([entry('meetings/会议', 'meetings', 1)])[0]).toContain('只能用小写英文字母、数字和连字符');
  });

  it('rejects nested folders', () => {
    expect(chapterProblems([entry('meetings/more/x', 'meetings', 1)])[0]).toContain('不要再分子文件夹');
  });
});
