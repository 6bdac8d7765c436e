/**
 * The handbook model, built once from the content collections: front matter, the topics
 * with their chapters, back matter, in reading order. Pages, navigation, prev/next, print
 * documents, checklists and search all derive from it. Problems across files (folders,
 * names, order) fail the build here, naming the file and the fix.
 */
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import { getConfig } from './config.ts';
import { hrefOf, strayFiles } from './routes.ts';
import { TOPICS, type Topic } from './topics.ts';
import { chapterProblems, formatProblems, slugProblem, strayProblems, type Problem } from './validate.ts';

export type ChapterEntry = CollectionEntry<'chapters'>;
export type FrontEntry = CollectionEntry<'front'>;

interface PageBase {
  /** Site path with trailing slash, e.g. `/meetings/attendance/`. */
  href: string;
  /** The last part of the address: `attendance`. */
  slug: string;
  title: string;
  description: string;
}

export interface ChapterPage extends PageBase {
  kind: 'chapter';
  entry: ChapterEntry;
  topic: Topic;
}

export interface FrontPage extends PageBase {
  kind: 'front';
  entry: FrontEntry;
  /** Before the topics (前言, 培训指南) or after them (术语). */
  part: 'front' | 'back';
}

/** A page of the handbook with its own MDX source. */
export type Page = ChapterPage | FrontPage;

export interface TopicGroup {
  topic: Topic;
  href: string;
  chapters: ChapterPage[];
}

export interface Handbook {
  front: FrontPage[];
  topics: TopicGroup[];
  back: FrontPage[];
  /** Every page in reading order. */
  pages: Page[];
}

let cached: Promise<Handbook> | undefined;

export function getHandbook(): Promise<Handbook> {
  cached ??= load();
  return cached;
}

/** One build error for all the problems found, in Chinese, the fixes in the hint. */
export function problemsError(problems: readonly Problem[]): AstroError {
  const { message, hint } = formatProblems(problems);
  return new AstroError(message, hint);
}

async function load(): Promise<Handbook> {
  const config = getConfig();
  const chapters = await getCollection('chapters');
  const frontEntries = await getCollection('front');
  const topicList = TOPICS.map((t) => `${t.slug}（${t.name}）`).join('、');
  const problems = [
    ...config.layers.flatMap((layer) => strayProblems(strayFiles(layer), config.root, topicList)),
    ...chapterProblems(chapters),
    ...frontEntries.map(slugProblem).filter((p): p is Problem => !!p),
  ];
  if (problems.length) throw problemsError(problems);
  return buildHandbook(chapters, frontEntries);
}

/** The model from the entries (pure; unit-tested with fixture entries). */
export function buildHandbook(chapters: readonly ChapterEntry[], frontEntries: readonly FrontEntry[]): Handbook {
  const frontPage = (entry: FrontEntry): FrontPage => ({
    kind: 'front',
    href: hrefOf('front', entry.id),
    slug: entry.id,
    title: entry.data.title,
    description: entry.data.description,
    part: entry.data.part,
    entry,
  });
  const topics: TopicGroup[] = TOPICS.map((topic) => ({
    topic,
    href: `/${topic.slug}/`,
    chapters: chapters
      .filter((c) => c.data.topic === topic.slug)
      .sort((a, b) => a.data.order - b.data.order)
      .map((entry): ChapterPage => ({
        kind: 'chapter',
        href: hrefOf('chapters', entry.id),
        slug: path.posix.basename(entry.id),
        title: entry.data.title,
        description: entry.data.description,
        entry,
        topic,
      })),
  }));
  const sorted = [...frontEntries].sort((a, b) => a.data.order - b.data.order);
  const front = sorted.filter((e) => e.data.part === 'front').map(frontPage);
  const back = sorted.filter((e) => e.data.part === 'back').map(frontPage);
  const pages: Page[] = [...front, ...topics.flatMap((t) => t.chapters), ...back];
  return { front, topics, back, pages };
}

/** The topic of a page, or undefined for front and back matter. */
export function topicOf(page: Page): Topic | undefined {
  return page.kind === 'chapter' ? page.topic : undefined;
}

export function neighbours(handbook: Handbook, href: string): { prev?: Page; next?: Page } {
  const i = handbook.pages.findIndex((p) => p.href === href);
  if (i === -1) return {};
  return { prev: handbook.pages[i - 1], next: handbook.pages[i + 1] };
}

/** Latest `updated` date across the handbook (the edition date). */
export function lastUpdated(handbook: Handbook): Date {
  return new Date(Math.max(...handbook.pages.map((p) => p.entry.data.updated.getTime())));
}

export function formatDate(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}
