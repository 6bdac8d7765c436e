/**
 * Frontmatter schemas for chapters and front-matter pages, with messages written for
 * content editors (Chinese, naming the field and the fix). Astro prints these messages
 * together with the file path when a build fails; tests/unit/schema.test.ts pins them.
 */
import { z } from 'astro/zod';
import { TOPICS, TOPIC_SLUGS } from './topics';

const topicList = TOPICS.map((t) => `${t.slug}（${t.name}）`).join('、');

function text(field: string, max: number) {
  return z
    .string({
      error: (iss) =>
        iss.input === undefined ? `缺少“${field}”，请补上。` : `“${field}”应当是一段文字。`,
    })
    .trim()
    .min(1, { error: `“${field}”不能为空。` })
    .max(max, { error: `“${field}”不能超过 ${max} 个字。` });
}

const order = z
  .number({
    error: (iss) =>
      iss.input === undefined
        ? '缺少“order”（排序号），请填写 1、2、3 这样的正整数。'
        : '“order”（排序号）应当是 1、2、3 这样的正整数，不要加引号。',
  })
  .int({ error: '“order”（排序号）应当是正整数。' })
  .positive({ error: '“order”（排序号）应当从 1 开始。' });

const updated = z.coerce.date({
  error: '“updated”（更新日期）应写成 2026-11-27 这样的日期。',
});

const tags = z
  .array(z.string().min(1), { error: '“tags”（关键词）应写成列表，例如 [参会范围, 陪会]。' })
  .default([]);

/** Frontmatter of a chapter: `content/<topic>/<chapter>.mdx`. */
export const chapterSchema = z.strictObject(
  {
    /** Page title (the chapter's only <h1>). */
    title: text('title（标题）', 40),
    /** One-line summary for topic pages, search results and meta description. */
    description: text('description（一句话摘要）', 80),
    /** One of the six topic slugs; must match the folder the file is in. */
    topic: z.enum(TOPIC_SLUGS, {
      error: (iss) =>
        iss.input === undefined
          ? `缺少“topic”（专题），应为：${topicList}。`
          : `“topic”（专题）写成了“${String(iss.input)}”，应为：${topicList}。`,
    }),
    /** Position within the topic; 1 is the overview. Unique per topic. */
    order,
    /** Last substantive update, shown in the footer. */
    updated,
    /** Search keywords. Default: none. */
    tags,
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `不认识的字段：${iss.keys.join('、')}。请检查拼写。` : undefined) },
);

/** Frontmatter of a front-matter or back-matter page: `content/front/<slug>.mdx`. */
export const frontSchema = z.strictObject(
  {
    title: text('title（标题）', 40),
    description: text('description（一句话摘要）', 80),
    order,
    updated,
    /** 'front' pages come before the topics, 'back' pages (glossary) after. Default 'front'. */
    part: z.enum(['front', 'back'], { error: '“part”应为 front（前置）或 back（附录）。' }).default('front'),
    tags,
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `不认识的字段：${iss.keys.join('、')}。请检查拼写。` : undefined) },
);

export type ChapterData = z.infer<typeof chapterSchema>;
export type FrontData = z.infer<typeof frontSchema>;

/** Turn a zod error into one line per problem: `字段 <path>：<message>`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((iss) => {
    const path = iss.path.length ? iss.path.join('.') : '(frontmatter)';
    return `字段 ${path}：${iss.message}`;
  });
}
