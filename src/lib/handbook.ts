/**
 * The handbook's reading order, built once from the content collections: front matter,
 * the six topics with their chapters, back matter. Navigation, prev/next, print pages and
 * checklists all derive from this. Cross-file problems fail the build here.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { TOPICS, type Topic } from './topics';
import { chapterProblems } from './validate';

export type ChapterEntry = CollectionEntry<'chapters'>;
export type FrontEntry = CollectionEntry<'front'>;

export interface Page {
  /** Site path with trailing slash, e.g. `/meetings/attendance/`. */
  href: string;
  title: string;
  description: string;
  kind: 'chapter' | 'front';
  entry: ChapterEntry | FrontEntry;
  topic?: Topic;
}

export interface TopicGroup {
  topic: Topic;
  href: string;
  chapters: Page[];
}

export interface Handbook {
  front: Page[];
  topics: TopicGroup[];
  back: Page[];
  /** Every page in reading order. */
  pages: Page[];
}

export function chapterSlug(entry: ChapterEntry): string {
  return entry.id.split('/')[1];
}

export function frontSlug(entry: FrontEntry): string {
  return entry.id.replace(/^front\//, '');
}

let cached: Promise<Handbook> | undefined;

export function getHandbook(): Promise<Handbook> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Handbook> {
  const chapters = await getCollection('chapters');
  const problems = chapterProblems(chapters);
  if (problems.length) {
    throw new Error(`手册内容有 ${problems.length} 处问题：\n- ${problems.join('\n- ')}`);
  }
  const frontEntries = (await getCollection('front')).sort((a, b) => a.data.order - b.data.order);
  const frontPage = (entry: FrontEntry): Page => ({
    href: `/guide/${frontSlug(entry)}/`,
    title: entry.data.title,
    description: entry.data.description,
    kind: 'front',
    entry,
  });
  const topics: TopicGroup[] = TOPICS.map((topic) => ({
    topic,
    href: `/${topic.slug}/`,
    chapters: chapters
      .filter((c) => c.data.topic === topic.slug)
      .sort((a, b) => a.data.order - b.data.order)
      .map((entry) => ({
        href: `/${topic.slug}/${chapterSlug(entry)}/`,
        title: entry.data.title,
        description: entry.data.description,
        kind: 'chapter' as const,
        entry,
        topic,
      })),
  }));
  const front = frontEntries.filter((e) => e.data.part === 'front').map(frontPage);
  const back = frontEntries.filter((e) => e.data.part === 'back').map(frontPage);
  const pages = [...front, ...topics.flatMap((t) => t.chapters), ...back];
  return { front, topics, back, pages };
}

export function neighbours(handbook: Handbook, href: string): { prev?: Page; next?: Page } {
  const i = handbook.pages.findIndex((p) => p.href === href);
  return { prev: handbook.pages[i - 1], next: handbook.pages[i + 1] };
}

/** Latest `updated` date across the handbook (the edition date). */
export function lastUpdated(handbook: Handbook): Date {
  return new Date(Math.max(...handbook.pages.map((p) => p.entry.data.updated.getTime())));
}

export function formatDate(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}
