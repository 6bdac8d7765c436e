/**
 * The handbook model, built once from the content collections: front matter, the topics
 * with their chapters, back matter, in reading order; and the policy library, in date
 * order, with the citations that join the two. Pages, navigation, prev/next, print
 * documents, checklists, citations and search all derive from it. Problems across files
 * (folders, names, order, citations) fail the build here, naming the file and the fix.
 */
import path from 'node:path';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { citationProblems, type Citation } from './citations.ts';
import { getConfig } from './config.ts';
import { editorError, problemsError } from './errors.ts';
import { dateSortKey, mainDate } from './policies.ts';
import { hrefOf, hrefOfPageId, strayFiles } from './routes.ts';
import { TOPICS, type Topic } from './topics.ts';
import { chapterProblems, slugProblem, strayProblems, type Problem } from './validate.ts';

export type ChapterEntry = CollectionEntry<'chapters'>;
export type FrontEntry = CollectionEntry<'front'>;
export type PolicyEntry = CollectionEntry<'policies'>;
export type ExerciseEntry = CollectionEntry<'exercises'>;
export type NoteEntry = CollectionEntry<'notes'>;
export type GlossaryEntry = CollectionEntry<'glossary'>;

/** National text, or a local edition's addition (HB_EDITION). */
export type Origin = 'national' | 'local';

interface PageBase {
  /** Site path with trailing slash, e.g. `/meetings/attendance/`. */
  href: string;
  /** The last part of the address: `attendance`. */
  slug: string;
  title: string;
  description: string;
  /** From the national content or from the local edition. */
  origin: Origin;
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

/** A record of the policy library: /policies/<id>/. */
export interface PolicyPage extends PageBase {
  kind: 'policy';
  entry: PolicyEntry;
}

/** A training exercise (练习) of a topic: /training/<topic>/<slug>/. */
export interface ExercisePage extends PageBase {
  kind: 'exercise';
  entry: ExerciseEntry;
  topic: Topic;
}

/** A page of the handbook with its own MDX source. */
export type Page = ChapterPage | FrontPage | PolicyPage | ExercisePage;

/** A local note, placed: the page and the heading it belongs under. */
export interface PlacedNote {
  entry: NoteEntry;
  /** Site path of the page. */
  href: string;
  /** Slug (id) of the heading the note goes under. */
  anchor: string;
}

/** A page that cites a record, and the parts it cites. */
export interface CitingPage {
  page: Page;
  parts: string[];
}

export interface TopicGroup {
  topic: Topic;
  href: string;
  chapters: ChapterPage[];
  /** Training exercises of the topic, by `order`. */
  exercises: ExercisePage[];
}

export interface Handbook {
  front: FrontPage[];
  topics: TopicGroup[];
  back: FrontPage[];
  /** Every page of the handbook proper, in reading order (the policy library is apart). */
  pages: (ChapterPage | FrontPage)[];
  /** The policy library, oldest first. */
  policies: PolicyPage[];
  /** Citations per page (href → the page's <Cite>s, in order). */
  citations: Map<string, Citation[]>;
  /** A local edition's notes under headings of national pages. */
  notes: PlacedNote[];
  /** A local edition's glossary terms. */
  glossary: GlossaryEntry[];
}

let cached: Promise<Handbook> | undefined;

export function getHandbook(): Promise<Handbook> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Handbook> {
  const config = getConfig();
  const chapters = await getCollection('chapters');
  const frontEntries = await getCollection('front');
  const policyEntries = await getCollection('policies');
  const exerciseEntries = await getCollection('exercises');
  // Local additions exist only in a local edition's build.
  const noteEntries = config.edition ? await getCollection('notes') : [];
  const glossaryEntries = config.edition ? await getCollection('glossary') : [];
  const topicList = TOPICS.map((t) => `${t.slug}（${t.name}）`).join('、');
  const problems = [
    ...config.layers.flatMap((layer) => strayProblems(strayFiles(layer), config.root, topicList)),
    ...chapterProblems(chapters),
    ...chapterProblems(exerciseEntries),
    ...[...frontEntries, ...policyEntries].map(slugProblem).filter((p): p is Problem => !!p),
    ...successorProblems(policyEntries),
  ];
  if (problems.length) throw problemsError(problems);
  const handbook = buildHandbook(chapters, frontEntries, policyEntries, exerciseEntries);
  handbook.glossary = glossaryEntries;
  // Citations, as the Markdown plugin recorded them, checked against the records; the
  // headings, for local notes to find their places.
  const records = new Map(policyEntries.map((e) => [e.id, { id: e.id, parts: e.data.parts }]));
  const headings = new Map<string, { slug: string; text: string }[]>();
  for (const page of [...handbook.pages, ...handbook.policies, ...handbook.topics.flatMap((t) => t.exercises)]) {
    const { remarkPluginFrontmatter, headings: found } = await render(page.entry);
    const citations = (remarkPluginFrontmatter?.citations ?? []) as Citation[];
    handbook.citations.set(page.href, citations);
    headings.set(page.href, found.filter((h) => h.depth === 2 || h.depth === 3));
    problems.push(...citationProblems(page.entry.filePath ?? page.href, citations, records));
  }
  const additions = new Map<string, Citation[]>();
  for (const entry of [...noteEntries, ...glossaryEntries]) {
    const { remarkPluginFrontmatter } = await render(entry);
    const citations = (remarkPluginFrontmatter?.citations ?? []) as Citation[];
    additions.set(entry.filePath ?? entry.id, citations);
    problems.push(...citationProblems(entry.filePath ?? entry.id, citations, records));
  }
  handbook.notes = placeNotes(noteEntries, handbook, headings, problems);
  // A note's citations (and its source) count for the page it is placed on: backlinks.
  for (const note of handbook.notes) {
    const own = additions.get(note.entry.filePath ?? note.entry.id) ?? [];
    const source = note.entry.data.source ? [{ doc: note.entry.data.source }] : [];
    handbook.citations.set(note.href, [...(handbook.citations.get(note.href) ?? []), ...own, ...source]);
  }
  for (const note of noteEntries) {
    if (note.data.source && !records.has(note.data.source)) {
      problems.push({
        file: note.filePath ?? note.id,
        message: `字段 source 写的“${note.data.source}”不是政策文件库里的文件。`,
        fix: `写本地版 policies/ 或全国版 content/policies/ 里某个文件的文件名（不带 .mdx）。`,
      });
    }
  }
  if (problems.length) throw problemsError(problems);
  return handbook;
}

/**
 * Each local note's place: a national page and a heading on it. A note whose page or heading
 * the national text no longer has is a problem naming the note's file and the missing place
 * — this is what makes a national update safe for a local edition.
 */
function placeNotes(
  notes: readonly NoteEntry[],
  handbook: Handbook,
  headings: ReadonlyMap<string, { slug: string; text: string }[]>,
  problems: Problem[],
): PlacedNote[] {
  const placed: PlacedNote[] = [];
  for (const entry of notes) {
    const file = entry.filePath ?? entry.id;
    const href = hrefOfPageId(entry.data.page);
    const page = handbook.pages.find((p) => p.href === href);
    if (!page) {
      problems.push({
        file,
        message: `本地注释挂在“${entry.data.page}”，全国版里没有这一章（${href}）。`,
        fix: `全国版可能删掉或改名了这一章：把 page 改成现有的章节（写法：专题/文件名，例如 meetings/attendance），或删掉这条注释。`,
      });
      continue;
    }
    const wanted = entry.data.heading.trim();
    const onPage = headings.get(href) ?? [];
    const heading = onPage.find((h) => h.text.trim() === wanted || h.slug === wanted);
    if (!heading) {
      problems.push({
        file,
        message: `本地注释挂在《${page.title}》的小标题“${wanted}”下，这一章现在没有这个小标题。`,
        fix: `全国版可能改了小标题。把 heading 改成这一章现有的小标题之一：${onPage.map((h) => h.text).join('、')}。`,
      });
      continue;
    }
    placed.push({ entry, href, anchor: heading.slug });
  }
  return placed;
}

/** `supersededBy` must name records that exist. */
function successorProblems(entries: readonly PolicyEntry[]): Problem[] {
  const ids = new Set(entries.map((e) => e.id));
  return entries.flatMap((e) =>
    e.data.supersededBy
      .filter((id) => !ids.has(id))
      .map((id) => ({
        file: e.filePath ?? e.id,
        message: `字段 supersededBy 写的“${id}”不是政策文件库里的文件。`,
        fix: `写 content/policies/ 里某个文件的文件名（不带 .mdx），现有：${[...ids].sort().join('、')}。`,
      })),
  );
}

/** The model from the entries (pure; unit-tested with fixture entries). */
export function buildHandbook(
  chapters: readonly ChapterEntry[],
  frontEntries: readonly FrontEntry[],
  policyEntries: readonly PolicyEntry[] = [],
  exerciseEntries: readonly ExerciseEntry[] = [],
): Handbook {
  const frontPage = (entry: FrontEntry): FrontPage => ({
    kind: 'front',
    href: hrefOf('front', entry.id),
    slug: entry.id,
    title: entry.data.title,
    description: entry.data.description,
    origin: originOf(entry),
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
        origin: originOf(entry),
        entry,
        topic,
      })),
    exercises: exerciseEntries
      .filter((e) => e.data.topic === topic.slug)
      .sort((a, b) => a.data.order - b.data.order)
      .map((entry): ExercisePage => ({
        kind: 'exercise',
        href: hrefOf('exercises', entry.id),
        slug: path.posix.basename(entry.id),
        title: entry.data.title,
        description: entry.data.description,
        origin: originOf(entry),
        entry,
        topic,
      })),
  }));
  const sorted = [...frontEntries].sort((a, b) => a.data.order - b.data.order);
  const front = sorted.filter((e) => e.data.part === 'front').map(frontPage);
  const back = sorted.filter((e) => e.data.part === 'back').map(frontPage);
  const pages = [...front, ...topics.flatMap((t) => t.chapters), ...back];
  const policies = policyEntries
    .map((entry): PolicyPage => ({
      kind: 'policy',
      href: hrefOf('policies', entry.id),
      slug: entry.id,
      title: entry.data.title,
      description: entry.data.description,
      origin: originOf(entry),
      entry,
    }))
    .sort((a, b) => dateSortKey(mainDate(a.entry.data).date).localeCompare(dateSortKey(mainDate(b.entry.data).date)) || a.slug.localeCompare(b.slug));
  return { front, topics, back, pages, policies, citations: new Map(), notes: [], glossary: [] };
}

/** Where an entry comes from: the local edition's folder, or the national content. */
export function originOf(entry: { filePath?: string }): Origin {
  const { edition, root } = getConfig();
  if (!edition || !entry.filePath) return 'national';
  const file = path.resolve(root, entry.filePath);
  return file.startsWith(`${edition.dir}${path.sep}`) ? 'local' : 'national';
}

/** The notes that go under one heading of one page. */
export function notesAt(handbook: Handbook, href: string, anchor: string): PlacedNote[] {
  return handbook.notes.filter((n) => n.href === href && n.anchor === anchor);
}

/** The record `id` (checked by the model before any page renders). */
export function policyPage(handbook: Handbook, id: string): PolicyPage {
  const page = handbook.policies.find((p) => p.slug === id);
  if (!page) throw editorError(`政策文件库里没有“${id}”。`, '引用的编号要与 content/policies/ 里的文件名一致。');
  return page;
}

/** The pages that cite record `id`, in reading order, with the parts each cites. */
export function citedBy(handbook: Handbook, id: string): CitingPage[] {
  const out: CitingPage[] = [];
  for (const page of [...handbook.pages, ...handbook.policies]) {
    const mine = (handbook.citations.get(page.href) ?? []).filter((c) => c.doc === id);
    if (!mine.length || page.slug === id) continue;
    out.push({ page, parts: [...new Set(mine.flatMap((c) => (c.part ? [c.part] : [])))] });
  }
  return out;
}

/** The topic of a page, or undefined for front and back matter and policy records. */
export function topicOf(page: Page): Topic | undefined {
  return page.kind === 'chapter' || page.kind === 'exercise' ? page.topic : undefined;
}

/** Previous and next page: in reading order, or for a policy record, in date order. */
export function neighbours(handbook: Handbook, href: string): { prev?: Page; next?: Page } {
  for (const list of [handbook.pages, handbook.policies] as Page[][]) {
    const i = list.findIndex((p) => p.href === href);
    if (i !== -1) return { prev: list[i - 1], next: list[i + 1] };
  }
  return {};
}

/** Latest `updated` date across the handbook (the edition date). */
export function lastUpdated(handbook: Handbook): Date {
  return new Date(Math.max(...handbook.pages.map((p) => p.entry.data.updated.getTime())));
}

export function formatDate(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}
