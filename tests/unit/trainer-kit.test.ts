/**
 * The trainer's kit on the built site (npm test builds first): 讲师提示 and 参考答案 are in
 * the trainer editions and nowhere a reader or participant sees them — reader pages, the
 * search index, participant handouts, the whole-handbook PDF. Snippets of every note and
 * answer are taken from the MDX sources, so a new note is checked without editing this test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { getConfig } from '../../src/lib/config';
import { TOPICS } from '../../src/lib/topics';
import { handoutDoc, trainerHandoutDoc, HANDBOOK_DOC } from '../../src/lib/print/files';

const dist = getConfig().outDir;
const content = path.resolve(import.meta.dirname, '../../content');
/** Text compared without spaces and punctuation (PDF extraction and the index differ there). */
const flat = (s: string) => s.replace(/[^\p{Script=Han}\p{L}\p{N}]+/gu, '');

/** Every content file's text as readers get it: the notes and answers taken out. */
function readerCorpus(): string {
  return readdirSync(content, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => flat(readFileSync(path.join(content, f), 'utf8').replace(/<(TrainerNote|Answer)>[\s\S]*?<\/\1>/g, '')))
    .join('|');
}
const corpus = readerCorpus();

/**
 * 14 Han characters from a note (markup and components removed) that readers' text does not
 * also contain: a note may restate a rule in the chapter's own words, and that is no leak.
 */
function snippet(block: string): string | undefined {
  const text = block
    .replace(/<Cite[^>]*\/>/g, '|')
    .replace(/<[^>]+>/g, '|')
    .replace(/\*\*[^*]+\*\*[：:]/g, '|')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  for (const run of text.match(/\p{Script=Han}{14,}/gu) ?? []) {
    for (let i = 0; i + 14 <= run.length; i += 2) {
      const window = run.slice(i, i + 14);
      if (!corpus.includes(window)) return window;
    }
  }
  return undefined;
}

interface Note {
  topic: string;
  file: string;
  kind: 'TrainerNote' | 'Answer';
  text: string;
}

function notes(): Note[] {
  const out: Note[] = [];
  const read = (dir: string, topic: string) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.mdx'))) {
      const body = readFileSync(path.join(dir, f), 'utf8');
      for (const m of body.matchAll(/<(TrainerNote|Answer)>([\s\S]*?)<\/\1>/g)) {
        const text = snippet(m[2]);
        if (text) out.push({ topic, file: path.relative(content, path.join(dir, f)), kind: m[1] as Note['kind'], text });
      }
    }
  };
  for (const t of TOPICS) {
    read(path.join(content, t.slug), t.slug);
    read(path.join(content, 'exercises', t.slug), t.slug);
  }
  return out;
}

const pdfText = (file: string) => flat(execFileSync('pdftotext', ['-layout', path.join(dist, file), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
const stripTags = (html: string) => flat(html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ''));

describe('trainer notes and reference answers', () => {
  const all = notes();

  it('every discussion question of every chapter has a 讲师提示, and every exercise a 参考答案', () => {
    const missing: string[] = [];
    for (const t of TOPICS) {
      for (const f of readdirSync(path.join(content, t.slug)).filter((n) => n.endsWith('.mdx'))) {
        const body = readFileSync(path.join(content, t.slug, f), 'utf8');
        const section = body.split(/^## 培训讨论/m)[1]?.split(/^## /m)[0] ?? '';
        const items = section.split(/^\d+\.\s/m).slice(1);
        items.forEach((item, i) => {
          const note = /<TrainerNote>([\s\S]*?)<\/TrainerNote>/.exec(item)?.[1] ?? '';
          for (const part of ['**好的回答**：', '**常见误区**：', '**依据**：']) if (!note.includes(part)) missing.push(`${t.slug}/${f} 第${i + 1}题 ${part}`);
        });
        if (!items.length) missing.push(`${t.slug}/${f}: no questions`);
      }
      const exercises = path.join(content, 'exercises', t.slug);
      const files = existsSync(exercises) ? readdirSync(exercises).filter((n) => n.endsWith('.mdx')) : [];
      if (files.length < 2) missing.push(`${t.slug}: ${files.length} exercises (at least 2)`);
      for (const f of files) if (!/<Answer>[\s\S]{200,}<\/Answer>/.test(readFileSync(path.join(exercises, f), 'utf8'))) missing.push(`exercises/${t.slug}/${f}: 参考答案`);
    }
    expect(missing).toEqual([]);
    expect(all.length).toBeGreaterThan(100);
  });

  it('are on no reader page (every built page but the trainer editions)', () => {
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.startsWith('print/trainer/'));
    expect(pages.length).toBeGreaterThan(100);
    const texts = pages.map((f) => [f, stripTags(readFileSync(path.join(dist, f), 'utf8'))] as const);
    const leaks = all.flatMap((n) => texts.filter(([, t]) => t.includes(n.text)).map(([f]) => `${n.file} (${n.kind} “${n.text}”) in ${f}`));
    expect(leaks).toEqual([]);
  });

  it('are not in the search index', () => {
    const dir = path.join(dist, 'pagefind/fragment');
    const fragments = readdirSync(dir).filter((f) => f.endsWith('.pf_fragment')).map((f) => flat(gunzipSync(readFileSync(path.join(dir, f))).toString('utf8')));
    expect(fragments.length).toBeGreaterThan(50);
    const leaks = all.filter((n) => fragments.some((t) => t.includes(n.text))).map((n) => `${n.file}: “${n.text}”`);
    expect(leaks).toEqual([]);
  });

  it('are in no participant handout and not in the whole-handbook PDF, and all in the trainer editions', () => {
    const handbook = pdfText(HANDBOOK_DOC.pdf);
    for (const t of TOPICS) {
      const mine = all.filter((n) => n.topic === t.slug);
      const participant = pdfText(handoutDoc(t).pdf);
      const trainer = pdfText(trainerHandoutDoc(t).pdf);
      expect(mine.filter((n) => participant.includes(n.text) || handbook.includes(n.text)).map((n) => n.file), t.slug).toEqual([]);
      expect(mine.filter((n) => !trainer.includes(n.text)).map((n) => `${n.file}: “${n.text}”`), t.slug).toEqual([]);
    }
  });
});
