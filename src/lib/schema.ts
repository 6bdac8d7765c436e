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

/**
 * Position: 1, 2, 3 … One decimal place is allowed, so that a local edition can put its own
 * chapter between two national ones (3.5 comes after 3 and before 4) without renumbering them.
 */
const order = z
  .number({
    error: (iss) =>
      iss.input === undefined
        ? '缺少“order”（排序号），请填写 1、2、3 这样的数。'
        : '“order”（排序号）应当是 1、2、3 这样的数，不要加引号。',
  })
  .positive({ error: '“order”（排序号）应当从 1 开始。' })
  .refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, {
    error: '“order”（排序号）最多一位小数，例如 3 或 3.5（排在第3章和第4章之间）。',
  });

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
    /** One of the topic slugs (topics.ts); must match the folder the file is in. */
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

/** Kinds of policy record (content/policies/). 评论 is a commentary: cited, never a rule. */
export const POLICY_KINDS = ['党内法规', '通知', '意见', '办法', '会议', '评论'] as const;
export const POLICY_STATUSES = ['现行有效', '部分被取代', '已被取代', '不适用'] as const;

/** A date as precise as it is known: '2024-08-06', '2019-03' or '2019'. Never more precise. */
const partialDate = (field: string) =>
  z
    .union([z.date(), z.string()], { error: `“${field}”应写成 '2024-08-06'、'2019-03' 或 '2019' 这样的日期（加引号）。` })
    .transform((value, ctx) => {
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
      const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
      const month = m?.[2] ? Number(m[2]) : 1;
      const day = m?.[3] ? Number(m[3]) : 1;
      if (!m || month < 1 || month > 12 || day < 1 || day > 31) {
        ctx.addIssue({ code: 'custom', message: `“${field}”写成了“${text}”，应写成 '2024-08-06'、'2019-03' 或 '2019' 这样的日期（加引号；只知道年月的只写年月）。` });
        return z.NEVER;
      }
      return text;
    });

const policyId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: '编号只能用小写英文字母、数字和连字符。' });

const policyPart = z.strictObject(
  {
    /** Cited as `<Cite doc="…" part="<id>" />`. */
    id: policyId,
    /** How the part is named: “第四部分　规范借调干部”, “要点：……”. */
    label: text('label（部分名称）', 40),
    /** Optional short reference printed after the title in running text: “第四部分”. */
    ref: z.string().trim().min(1).max(12, { error: '“ref”（简称）不能超过 12 个字。' }).optional(),
    /** Our own summary, 1–3 sentences. */
    summary: text('summary（要点概括）', 400),
    /** false: this part rests on a single secondary source; the page says so. Default true. */
    sure: z.boolean({ error: '“sure”应写 true 或 false。' }).default(true),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `部分里有不认识的字段：${iss.keys.join('、')}。可用的字段：id、label、ref、summary、sure。` : undefined) },
);

/** Frontmatter of a policy record: `content/policies/<id>.mdx`, one per document or meeting. */
export const policySchema = z.strictObject(
  {
    /** Exact title, without 《》. */
    title: text('title（标题）', 80),
    /** Short title for running text (without 《》), e.g. 若干规定. */
    short: z.string().trim().min(1).max(20, { error: '“short”（简称）不能超过 20 个字。' }).optional(),
    /** One line for the timeline and the search results. */
    description: text('description（一句话摘要）', 80),
    /** Issuing bodies, full names; left out when not verified. */
    issuers: z.array(z.string().trim().min(1), { error: '“issuers”（发文机关）应写成列表，例如 [中共中央办公厅, 国务院办公厅]。' }).min(1).optional(),
    kind: z.enum(POLICY_KINDS, {
      error: (iss) =>
        iss.input === undefined ? `缺少“kind”（类型），应为：${POLICY_KINDS.join('、')}。` : `“kind”（类型）写成了“${String(iss.input)}”，应为：${POLICY_KINDS.join('、')}。`,
    }),
    /** 文号, e.g. 国办函〔2026〕12号. */
    number: z.string().trim().min(1).optional(),
    dates: z
      .strictObject(
        {
          approved: partialDate('dates.approved（审议批准）').optional(),
          issued: partialDate('dates.issued（印发）').optional(),
          reported: partialDate('dates.reported（首次公开报道）').optional(),
          published: partialDate('dates.published（全文公开）').optional(),
          held: partialDate('dates.held（会议召开）').optional(),
        },
        { error: (iss) => (iss.code === 'unrecognized_keys' ? `dates 里有不认识的日期：${iss.keys.join('、')}。可用的：approved、issued、reported、published、held。` : undefined) },
      )
      .refine((d) => Object.values(d).some(Boolean), { error: '“dates”至少要写一个核实过的日期（例如 issued）。' }),
    /** Is the full text public? */
    fullText: z.boolean({ error: '“fullText”（全文是否公开）应写 true 或 false。' }),
    status: z.enum(POLICY_STATUSES, { error: `“status”（状态）应为：${POLICY_STATUSES.join('、')}。` }),
    /** Records that take over (part of) this one; checked by the model. */
    supersededBy: z.array(policyId).default([]),
    statusNote: z.string().trim().min(1).optional(),
    /** How sure we are, one sentence: shown once on the record's page. */
    certainty: text('certainty（核对程度）', 200),
    /** Where to read the official text or the authoritative report (publisher and date). */
    whereToRead: text('whereToRead（原文出处）', 200),
    parts: z.array(policyPart, { error: '“parts”（部分或要点）应写成列表。' }).min(1, { error: '“parts”至少要有一项。' }).max(12),
    /** When the record was last checked against its sources. */
    updated,
    tags,
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `不认识的字段：${iss.keys.join('、')}。请检查拼写。` : undefined) },
).superRefine((data, ctx) => {
  const seen = new Set<string>();
  data.parts.forEach((part, i) => {
    if (seen.has(part.id)) ctx.addIssue({ code: 'custom', path: ['parts', i, 'id'], message: `部分编号“${part.id}”重复了，每个部分的 id 要不同。` });
    seen.add(part.id);
  });
});

/** Frontmatter of a training exercise: `content/exercises/<topic>/<slug>.mdx`. */
export const exerciseSchema = z.strictObject(
  {
    title: text('title（标题）', 40),
    /** What the participants practise, one line. */
    description: text('description（一句话摘要）', 80),
    topic: chapterSchema.shape.topic,
    /** Position among the topic's exercises. */
    order,
    /** Minutes the exercise takes in a session. */
    minutes: z.number({ error: '“minutes”（用时，分钟）应写一个整数，例如 20。' }).int().positive().max(180).optional(),
    updated,
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `不认识的字段：${iss.keys.join('、')}。请检查拼写。` : undefined) },
);

/**
 * A local edition's note on a national page: `<edition>/notes/<name>.mdx`, shown in a 本地规定
 * box at the end of the section under the named heading.
 */
export const noteSchema = z.strictObject(
  {
    /** The page: a chapter as <topic>/<file> (e.g. meetings/attendance) or a front page as front/<file>. */
    page: z.string({ error: '缺少“page”（挂在哪一章），例如 page: meetings/attendance。' }).regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, {
      error: '“page”（挂在哪一章）应写成 专题/文件名，例如 meetings/attendance（不带 .mdx）。',
    }),
    /** The heading's text as it appears in the chapter, e.g. 三档定人. */
    heading: text('heading（挂在哪个小标题下）', 40),
    /** The box's title. */
    title: text('title（标题）', 40),
    /** A local policy record this note rests on (content/policies/ of the edition). */
    source: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: '“source”（依据）应写政策文件库里一份文件的编号。' }).optional(),
    updated,
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `不认识的字段：${iss.keys.join('、')}。可用的字段：page、heading、title、source、updated。` : undefined) },
);

/** Local glossary terms: `<edition>/glossary/<name>.mdx`, written like the national glossary (### 术语). */
export const glossarySchema = z.strictObject(
  {
    /** Heading of the local terms on the glossary page, e.g. 示例县本地用语. */
    title: text('title（标题）', 40),
    updated,
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `不认识的字段：${iss.keys.join('、')}。可用的字段：title、updated。` : undefined) },
);

export type ChapterData = z.infer<typeof chapterSchema>;
export type FrontData = z.infer<typeof frontSchema>;
export type PolicyData = z.infer<typeof policySchema>;

/** Turn a zod error into one line per problem: `字段 <path>：<message>`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((iss) => {
    const path = iss.path.length ? iss.path.join('.') : '(frontmatter)';
    return `字段 ${path}：${iss.message}`;
  });
}
