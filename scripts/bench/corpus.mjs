#!/usr/bin/env node
/**
 * Synthetic, deterministic corpus for the benchmark: N chapters of plain Chinese in the
 * handbook's chapter format (docs/authoring-brief.md), spread evenly over the topics, plus
 * the real front matter, policy library and exercises (content/front/, policies/,
 * exercises/: the build and the link check need them; they are a fixed cost at every N).
 *
 *   node scripts/bench/corpus.mjs --n 60 --out /tmp/corpus      # writes /tmp/corpus/<topic>/… and front/
 *
 * Each chapter depends only on (seed, topic, order), so the N=60 corpus is a subset of the
 * N=500 corpus, and the same seed always gives the same bytes (the report records a hash).
 * Every chapter has the six sections in order, one Checklist with a unique id and 5–8 items,
 * glossary links on first use, and a link to another chapter of its topic. The slugs that
 * the front matter links to (PLANNED_SLUGS) come first in each topic, so at least 26
 * chapters are needed for the build's link check to pass.
 */
import { createHash } from 'node:crypto';
import { copyFile, cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng, hashSeed } from './prng.mjs';
import {
  ASPECTS, COMMON, GLOSSARY_TERMS, LOCAL_SOURCES, PLANNED_SLUGS, SOURCES, TABLE_ROWS, TEMPLATES, TOPIC_VOCAB,
} from './vocabulary.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Topic order of src/lib/topics.ts (checked against it in writeCorpus). */
export const TOPIC_SLUGS = ['meetings', 'documents', 'research-visits', 'inspections', 'assessment', 'chat-groups', 'duties'];
export const MIN_CHAPTERS = Object.values(PLANNED_SLUGS).reduce((n, list) => n + list.length, 0);
const PHASES = { before: '事前', during: '事中', after: '事后' };
const SCENES = ['乡镇篇', '街道篇', '村（社区）篇', '部门篇', '县级篇', '实例篇'];

const han = (s) => (s.match(/\p{Script=Han}/gu) ?? []).length;

/** How many chapters each topic gets: as even as possible, earlier topics first. */
export function chaptersPerTopic(n) {
  const base = Math.floor(n / TOPIC_SLUGS.length);
  return TOPIC_SLUGS.map((slug, i) => ({ slug, count: base + (i < n % TOPIC_SLUGS.length ? 1 : 0) }));
}

/** Title subject and aspect of chapter `order` (≥ 2): a seeded walk over subject × aspect. */
function titleParts(topic, order, seed) {
  const v = TOPIC_VOCAB[topic];
  const combos = v.subjects.flatMap((s) => ASPECTS.map((a) => [s, a]));
  const walk = new Rng(hashSeed(seed, topic, 'titles')).shuffle(combos);
  const i = order - 2;
  const [subject, aspect] = walk[i % walk.length];
  const round = Math.floor(i / walk.length);
  const suffix = round === 0 ? '' : `（${SCENES[(round - 1) % SCENES.length]}${round > SCENES.length ? `之${Math.ceil(round / SCENES.length)}` : ''}）`;
  return { subject, title: `${subject}：${aspect}${suffix}` };
}

function slugFor(topic, order, rng) {
  const planned = PLANNED_SLUGS[topic];
  if (order <= planned.length) return planned[order - 1];
  return `${rng.pick(TOPIC_VOCAB[topic].slugWords)}-${order}`;
}

/** Chapter `order` of `topic`: { slug, title, text } (MDX with frontmatter). */
export function makeChapter(topic, order, { seed, topicCount }) {
  const v = TOPIC_VOCAB[topic];
  const rng = new Rng(hashSeed(seed, topic, order));
  const slug = slugFor(topic, order, rng);
  const { subject, title } = order === 1 ? { subject: v.name, title: v.overviewTitle } : titleParts(topic, order, seed);
  const source = () => rng.pick(SOURCES);
  const ctx = {
    ...COMMON,
    ...v,
    topicName: v.name,
    subject,
    thing: v.things,
    practice: v.practices,
    place: () => rng.pick(COMMON.placeHead) + rng.pick(COMMON.placeTail),
    village: () => rng.pick(COMMON.placeHead) + rng.pick(COMMON.villageTail),
    localSource: LOCAL_SOURCES,
    rule: v.rules,
  };
  const fill = (template, extra = {}) =>
    template.replace(/\{(\w+)\}/g, (_, key) => {
      const value = key in extra ? extra[key] : ctx[key];
      if (value === undefined) throw new Error(`corpus template: unknown slot {${key}} in “${template}”`);
      return typeof value === 'function' ? value() : Array.isArray(value) ? rng.pick(value) : String(value);
    });
  const sentences = (pool, k) => rng.sample(pool, k).map((t) => fill(t)).join('');
  // Explanations and examples are drawn without repeats within a chapter.
  const deck = (pool) => {
    let left = [];
    return () => {
      if (!left.length) left = rng.shuffle(pool);
      return fill(left.pop());
    };
  };
  const explain = deck(TEMPLATES.explain);
  const example = deck(TEMPLATES.example);
  const explainN = (k) => Array.from({ length: k }, explain).join('');

  const out = [];
  // 问题表现
  out.push('## 问题表现', '', sentences(TEMPLATES.intro, rng.between(2, 3)), '');
  for (const [label, text] of rng.sample(v.burdens, rng.between(4, 6))) {
    out.push(`- **${label}。** ${fill(text)}${fill(rng.pick(TEMPLATES.burdenTail))}`);
  }
  out.push('', sentences(TEMPLATES.problemClose, rng.between(1, 2)), '');

  // 规则与依据
  out.push('## 规则与依据', '');
  const rules = rng.sample(v.rules, rng.between(2, Math.min(4, v.rules.length)));
  for (const rule of rules) {
    const s = source();
    out.push(`- ${fill(rng.pick(TEMPLATES.rule), { rule, sourceBody: s.body, sourceTitle: s.title, sourceDate: s.date, sourceYear: s.year })}`);
  }
  out.push('', fill(rng.pick(TEMPLATES.ruleSummary)), '');

  // 怎么做
  out.push('## 怎么做', '');
  out.push(`### ${rng.pick(['承办人员怎么做', '经办人员：把好第一道关', '承办单位的做法'])}`, '');
  rng.sample(TEMPLATES.stepOrganiser, rng.between(4, 7)).forEach((t, i) => out.push(`${i + 1}. ${fill(t)}`));
  out.push('', explainN(rng.between(1, 2)), '');
  out.push(`### ${rng.pick(['领导干部：带头做减法', '领导干部怎么做', '分管领导的责任'])}`, '');
  rng.sample(TEMPLATES.stepLeader, rng.between(3, 5)).forEach((t, i) => out.push(`${i + 1}. ${fill(t)}`));
  out.push('');
  if (rng.chance(0.35)) {
    out.push('### 按事项分档', '', '| 事项 | 由谁负责 | 建议方式 |', '|---|---|---|');
    for (const row of rng.sample(TABLE_ROWS, rng.between(3, 4))) out.push(`| ${row.join(' | ')} |`);
    out.push('');
  }
  const practice = rng.pick(v.practices);
  out.push(`### 做到${practice}`, '', explainN(rng.between(2, 3)), '');
  if (rng.chance(0.6)) {
    out.push('### 常见误区', '', ...rng.sample(TEMPLATES.misconception, rng.between(3, 4)).map((t) => `- ${fill(t)}`), '');
  }
  out.push(`<Callout type="example" title="示例：${fill('{place}')}的${subject}">`, '', example(), '', '</Callout>', '');
  if (rng.chance(0.5)) {
    out.push('### 怎样判断做得好不好', '', ...rng.sample(TEMPLATES.measure, rng.between(3, 4)).map((t) => `- ${fill(t)}`), '');
  }
  if (rng.chance(0.4)) {
    out.push(`<Callout type="note" title="提示：${rng.pick(['精简不是一刀切', '以正式要求为准', '让基层来评价'])}">`, '', sentences(TEMPLATES.note, 1), '', '</Callout>', '');
  }
  // A link to another chapter of the topic: the overview, or (from the overview) chapter 2.
  if (order > 1) out.push(`相关章节：[${v.overviewTitle}](/${topic}/overview/)`, '');
  else if (topicCount > 1) {
    const next = makeChapterHead(topic, 2, seed);
    out.push(`相关章节：[${next.title}](/${topic}/${next.slug}/)`, '');
  }

  // 清单
  const phase = rng.pick([...Object.keys(PHASES), undefined]);
  const items = rng.sample(v.checks, rng.between(5, Math.min(8, v.checks.length)));
  out.push(
    '## 清单', '',
    `<Checklist id="${topic}-${slug}-${phase ?? 'all'}" title="${subject}${phase ? PHASES[phase] : ''}检查"${phase ? ` phase="${phase}"` : ''}>`, '',
    ...items.map((item) => `- [ ] ${item}`), '', '</Checklist>', '',
  );

  // 培训讨论
  const questions = [...rng.sample(v.questions, rng.between(1, 3)), `围绕“${subject}”，本单位最需要改的一件事是什么？由谁来改，什么时候改完？`];
  out.push('## 培训讨论', '', ...rng.shuffle(questions).map((q, i) => `${i + 1}. ${q}`), '');

  // 依据
  out.push('## 依据', '');
  for (const s of rng.sample(SOURCES, rng.between(2, 3))) out.push(`- ${s.body}《${s.title}》（${s.date}）`);
  if (rng.chance(0.5)) out.push(`- ${rng.pick(LOCAL_SOURCES)}`);
  out.push('');

  // Long enough (the brief asks ≥ 1,500 字; real chapters run 2,000–3,500): add to 怎么做.
  const target = rng.between(2000, 2900);
  const extra = [];
  for (let i = 0; i < 8 && han(out.join('\n')) + han(extra.join('')) < target; i++) {
    extra.push(i % 2 ? example().replace(/（本例为.*?）$/, '') : explainN(2));
  }
  if (extra.length) {
    const at = out.indexOf('## 清单');
    out.splice(at, 0, '### 补充说明', '', ...extra.flatMap((p) => [p, '']));
  }

  const body = linkGlossary(out.join('\n'));
  const tags = [...new Set([subject, ...rng.sample(v.tags, rng.between(1, 4))])].slice(0, 6);
  const description = `${subject}方面的常见负担与做法：${practice}，${rng.pick(v.practices.filter((p) => p !== practice))}。`;
  const updated = `2026-${String(rng.between(1, 11)).padStart(2, '0')}-${String(rng.between(1, 28)).padStart(2, '0')}`;
  const front = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `description: ${JSON.stringify(description)}`,
    `topic: ${topic}`,
    `order: ${order}`,
    `updated: ${updated}`,
    `tags: [${tags.map((t) => JSON.stringify(t)).join(', ')}]`,
    '---',
    '',
  ].join('\n');
  const text = `${front}\n${body}`;
  check(topic, slug, title, description, body);
  return { slug, title, text, hanChars: han(body) };
}

/** Slug and title only (for links to a sibling chapter). */
function makeChapterHead(topic, order, seed) {
  const rng = new Rng(hashSeed(seed, topic, order));
  const slug = slugFor(topic, order, rng);
  return { slug, title: order === 1 ? TOPIC_VOCAB[topic].overviewTitle : titleParts(topic, order, seed).title };
}

/** `[[术语]]`: first use → glossary link, later uses → plain text. */
function linkGlossary(body) {
  const seen = new Set();
  return body.replace(/\[\[(.+?)\]\]/g, (_, term) => {
    if (!GLOSSARY_TERMS.includes(term)) throw new Error(`corpus: “${term}” is not a glossary term`);
    if (seen.has(term)) return term;
    seen.add(term);
    return `[${term}](/guide/glossary/#${term})`;
  });
}

const SECTIONS = ['问题表现', '规则与依据', '怎么做', '清单', '培训讨论', '依据'];

/** The generator's own guarantees, so a template edit cannot produce a broken corpus. */
function check(topic, slug, title, description, body) {
  const where = `${topic}/${slug}`;
  const fail = (msg) => {
    throw new Error(`corpus: ${where}: ${msg}`);
  };
  const headings = [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  if (headings.join() !== SECTIONS.join()) fail(`sections are ${headings.join(', ')}`);
  if (title.length > 40) fail(`title too long (${title.length})`);
  if (description.length > 80) fail(`description too long (${description.length})`);
  const lists = [...body.matchAll(/<Checklist [^>]*>([\s\S]*?)<\/Checklist>/g)];
  if (lists.length !== 1) fail(`${lists.length} checklists`);
  const items = lists[0][1].match(/^- \[ \] .+$/gm) ?? [];
  if (items.length < 5 || items.length > 8 || new Set(items).size !== items.length) fail(`checklist has ${items.length} items (or duplicates)`);
  const text = body.replace(/^<\/?(Checklist|Callout)\b.*$/gm, '');
  if (/[{}<>]|\[\[/.test(text)) fail('text contains {, }, <, > or an unresolved [[term]]');
  if (han(body) < 1500) fail(`only ${han(body)} Chinese characters`);
}

/**
 * Write the corpus to `dir` (replaced): dir/<topic>/*.mdx and dir/front/ (copied from
 * `frontDir`). Returns { chapters, files, bytes, hanChars, sha256 }.
 */
export async function writeCorpus({ dir, n, seed = 'hb-bench-1', frontDir = path.join(root, 'content/front') }) {
  if (!Number.isInteger(n) || n < MIN_CHAPTERS) {
    throw new Error(`corpus: N must be an integer ≥ ${MIN_CHAPTERS} (the front matter links to ${MIN_CHAPTERS} planned chapters); got ${n}`);
  }
  await assertTopics();
  await rm(dir, { recursive: true, force: true });
  const hash = createHash('sha256');
  let bytes = 0;
  let hanChars = 0;
  let files = 0;
  const ids = new Set();
  for (const { slug: topic, count } of chaptersPerTopic(n)) {
    await mkdir(path.join(dir, topic), { recursive: true });
    const slugs = new Set();
    for (let order = 1; order <= count; order++) {
      const chapter = makeChapter(topic, order, { seed, topicCount: count });
      if (slugs.has(chapter.slug)) throw new Error(`corpus: duplicate slug ${topic}/${chapter.slug}`);
      slugs.add(chapter.slug);
      const id = /<Checklist id="([^"]+)"/.exec(chapter.text)[1];
      if (ids.has(id)) throw new Error(`corpus: duplicate checklist id ${id}`);
      ids.add(id);
      const rel = `${topic}/${chapter.slug}.mdx`;
      const data = Buffer.from(chapter.text, 'utf8');
      await writeFile(path.join(dir, rel), data);
      hash.update(rel).update('\0').update(data).update('\0');
      bytes += data.length;
      hanChars += chapter.hanChars;
      files += 1;
    }
  }
  await mkdir(path.join(dir, 'front'), { recursive: true });
  for (const name of (await readdir(frontDir)).filter((f) => f.endsWith('.mdx')).sort()) {
    await copyFile(path.join(frontDir, name), path.join(dir, 'front', name));
  }
  // The policy library and the exercises, as they are (the front matter cites and links them).
  await cp(path.join(root, 'content/policies'), path.join(dir, 'policies'), { recursive: true });
  await cp(path.join(root, 'content/exercises'), path.join(dir, 'exercises'), { recursive: true });
  return { chapters: files, bytes, hanChars, sha256: hash.digest('hex') };
}

/** The topic list here must match src/lib/topics.ts (read as text: it is TypeScript). */
async function assertTopics() {
  const { readFile } = await import('node:fs/promises');
  const source = await readFile(path.join(root, 'src/lib/topics.ts'), 'utf8');
  const slugs = [...source.matchAll(/slug:\s*'([^']+)'/g)].map((m) => m[1]);
  if (slugs.join() !== TOPIC_SLUGS.join()) {
    throw new Error(`corpus: src/lib/topics.ts lists ${slugs.join(', ')}; scripts/bench knows ${TOPIC_SLUGS.join(', ')}. Update scripts/bench/corpus.mjs and vocabulary.mjs.`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const n = Number(arg('n', '60'));
  const dir = path.resolve(arg('out', path.join(root, `bench/out/corpus-${n}`)));
  const result = await writeCorpus({ dir, n, seed: arg('seed', 'hb-bench-1') });
  console.log(`corpus: ${result.chapters} chapters, ${result.hanChars} 字, ${(result.bytes / 1024).toFixed(0)} KiB → ${dir} (sha256 ${result.sha256.slice(0, 12)})`);
}
