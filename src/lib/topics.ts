/**
 * The topics of the handbook: the single source of truth.
 * Schema validation, navigation, search filters, print order, the checklist
 * preparation sheet and the tests all read this list. Order here is reading order.
 */
export interface Topic {
  /** URL segment and content folder name (`content/<slug>/`). */
  slug: string;
  /** Chinese name shown in navigation, filters and headings. */
  name: string;
  /** Short name for tight spaces (filter chips, the preparation sheet). */
  shortName: string;
  /** One-sentence summary for the home page and topic page. */
  summary: string;
}

export const TOPICS = [
  {
    slug: 'meetings',
    name: '会议',
    shortName: '会议',
    summary: '少开会、开短会：按事项定参会范围，压缩议程和讲话，用好视频会议。',
  },
  {
    slug: 'documents',
    name: '发文',
    shortName: '发文',
    summary: '可发可不发的不发，能合并的合并，能口头通知的不发文，文件写短写实。',
  },
  {
    slug: 'research-visits',
    name: '调研',
    shortName: '调研',
    summary: '带着问题下去，轻车简从，不打招呼、不看“盆景”，调研成果要能落地。',
  },
  {
    slug: 'inspections',
    name: '督查检查',
    shortName: '督查检查',
    summary: '统筹计划、控制频次，到现场听基层的话，先帮助整改，不以问责开路。',
  },
  {
    slug: 'assessment',
    name: '考核',
    shortName: '考核',
    summary: '看实绩不看材料，听群众的评价，不为留痕而留痕。',
  },
  {
    slug: 'chat-groups',
    name: '工作群与政务应用',
    shortName: '工作群',
    summary: '少建群、及时解散，不强制打卡接龙，政务应用不排名、不考核在线时长。',
  },
  {
    slug: 'duties',
    name: '基层权责',
    shortName: '基层权责',
    summary: '属地管理不层层转嫁，责任状和一票否决从严，不向基层借调干部，创建达标、村里挂牌和开证明都有规矩。',
  },
] as const satisfies readonly Topic[];

export type TopicSlug = (typeof TOPICS)[number]['slug'];

export const TOPIC_SLUGS = TOPICS.map((t) => t.slug) as [TopicSlug, ...TopicSlug[]];

export function getTopic(slug: string): Topic | undefined {
  return TOPICS.find((t) => t.slug === slug);
}

export function topicIndex(slug: string): number {
  return TOPICS.findIndex((t) => t.slug === slug);
}
