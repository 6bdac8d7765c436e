import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { chapterSchema, describeIssues, frontSchema } from '../../src/lib/schema';

const valid = {
  title: '谁来参会：参会范围与陪会',
  description: '按事项定参会人。',
  topic: 'meetings',
  order: 2,
  updated: '2026-11-27',
  tags: ['参会范围'],
};

function messages(data: unknown, schema: z.ZodType = chapterSchema) {
  const result = schema.safeParse(data);
  expect(result.success).toBe(false);
  return describeIssues(result.error!);
}

describe('chapter frontmatter', () => {
  it('accepts a complete chapter and turns the date into a Date', () => {
    const result = chapterSchema.parse(valid);
    expect(result.updated).toBeInstanceOf(Date);
    expect(result.updated.toISOString().slice(0, 10)).toBe('2026-11-27');
  });

  it('defaults tags to an empty list', () => {
    const { tags, ...rest } = valid;
    expect(chapterSchema.parse(rest).tags).toEqual([]);
  });

  it('names an unknown topic and lists the allowed ones', () => {
    expect(messages({ ...valid, topic: 'meeting' })).toEqual([
      '字段 topic：“topic”（专题）写成了“meeting”，应为：meetings（会议）、documents（发文）、research-visits（调研）、inspections（督查检查）、assessment（考核）、chat-groups（工作群与政务应用）、duties（基层权责）。',
    ]);
  });

  it('says a missing title is missing', () => {
    const { title, ...rest } = valid;
    expect(messages(rest)).toEqual(['字段 title：缺少“title（标题）”，请补上。']);
  });

  it('explains a quoted or too finely divided order, and allows one decimal place', () => {
    expect(chapterSchema.parse({ ...valid, order: 3.5 }).order).toBe(3.5);
    expect(messages({ ...valid, order: 1.25 })).toEqual(['字段 order：“order”（排序号）最多一位小数，例如 3 或 3.5（排在第3章和第4章之间）。']);
    expect(messages({ ...valid, order: '2' })).toEqual([
      '字段 order：“order”（排序号）应当是 1、2、3 这样的数，不要加引号。',
    ]);
    expect(messages({ ...valid, order: 0 })).toEqual(['字段 order：“order”（排序号）应当从 1 开始。']);
  });

  it('rejects an unreadable date', () => {
    expect(messages({ ...valid, updated: '去年' })).toEqual([
      '字段 updated：“updated”（更新日期）应写成 2026-11-27 这样的日期。',
    ]);
  });

  it('rejects misspelt fields instead of silently ignoring them', () => {
    expect(messages({ ...valid, descripton: 'x' })).toEqual(['字段 (frontmatter)：不认识的字段：descripton。请检查拼写。']);
  });

  it('limits the summary length', () => {
    expect(messages({ ...valid, description: '很'.repeat(81) })).toEqual([
      '字段 description：“description（一句话摘要）”不能超过 80 个字。',
    ]);
  });
});

describe('front-matter pages', () => {
  it('default to the front part and accept back for the glossary', () => {
    const base = { title: '术语', description: '常用词解释。', order: 4, updated: '2026-11-27' };
    expect(frontSchema.parse(base).part).toBe('front');
    expect(frontSchema.parse({ ...base, part: 'back' }).part).toBe('back');
    expect(messages({ ...base, part: 'end' }, frontSchema)).toEqual(['字段 part：“part”应为 front（前置）或 back（附录）。']);
  });
});
