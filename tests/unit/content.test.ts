/**
 * The handbook's text as a whole: every topic complete, every chapter in the agreed shape,
 * every glossary and chapter link pointing somewhere real. Reads the MDX sources.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/lib/topics';

const root = path.resolve(import.meta.dirname, '../../content');
const SECTIONS = ['问题表现', '规则与依据', '怎么做', '清单', '培训讨论', '依据'];

interface Source { file: string; href: string; body: string; sections: Map<string, string> }

function load(rel: string, href: string): Source {
  const text = readFileSync(path.join(root, rel), 'utf8');
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  const sections = new Map<string, string>();
  const parts = body.split(/^## /m).slice(1);
  for (const part of parts) {
    const nl = part.indexOf('\n');
    sections.set(part.slice(0, nl).trim(), part.slice(nl + 1));
  }
  return { file: rel, href, body, sections };
}

const chapters = TOPICS.flatMap((t) =>
  readdirSync(path.join(root, t.slug)).filter((f) => f.endsWith('.mdx')).map((f) => load(`${t.slug}/${f}`, `/${t.slug}/${f.replace(/\.mdx$/, '')}/`)),
);
const front = readdirSync(path.join(root, 'front')).map((f) => load(`front/${f}`, `/guide/${f.replace(/\.mdx$/, '')}/`));
const all = [...chapters, ...front];

const cjk = (s: string) => (s.match(/[\u4e00-\u9fff]/g) ?? []).length;
const checklistBlocks = (s: string) => [...s.matchAll(/<Checklist\s([^>]*)>([\s\S]*?)<\/Checklist>/g)];

const glossary = load('front/glossary.mdx', '/guide/glossary/');
const slugger = new GithubSlugger();
const anchors = new Set([...glossary.body.matchAll(/^#{2,3} (.+)$/gm)].map((m) => slugger.slug(m[1].trim())));
const terms = [...glossary.body.matchAll(/^### (.+)$/gm)].map((m) => m[1].trim());

describe('the handbook covers every topic', () => {
  it.each(TOPICS.map((t) => [t.name, t.slug]))('%s has at least four chapters', (_name, slug) => {
    expect(chapters.filter((c) => c.file.startsWith(`${slug}/`)).length).toBeGreaterThanOrEqual(4);
  });

  it('has the front matter: 前言, 政策脉络, 培训使用指南 and the 术语 glossary', () => {
    expect(front.map((f) => f.file).sort()).toEqual(
      ['front/glossary.mdx', 'front/policy-timeline.mdx', 'front/preface.mdx', 'front/training-guide.mdx'],
    );
    expect(terms.length).toBeGreaterThanOrEqual(15);
    for (const t of ['文山会海', '留痕', '陪会', '督查检查考核', '指尖上的形式主义', '白头文件']) expect(terms).toContain(t);
  });

  it('has a 90-minute session plan for every topic in the trainer guide', () => {
    const guide = front.find((f) => f.file === 'front/training-guide.mdx')!;
    for (const t of TOPICS) expect(guide.body, t.name).toContain(`/${t.slug}/`);
    expect(guide.body).toMatch(/90\s*分钟/);
  });
});

describe.each(chapters.map((c) => [c.file, c]))('chapter %s', (_file, c) => {
  it('has the six sections in order', () => {
    expect([...c.sections.keys()]).toEqual(SECTIONS);
  });

  it('has at least 1,200 Chinese characters of prose', () => {
    const prose = c.body.replace(/<Checklist[\s\S]*?<\/Checklist>/g, '').split(/^## 依据/m)[0];
    expect(cjk(prose)).toBeGreaterThanOrEqual(1200);
  });

  it('has a checklist of 5–10 items in 清单', () => {
    const blocks = checklistBlocks(c.sections.get('清单') ?? '');
    expect(blocks.length).toBeGreaterThanOrEqual(1);
    for (const [, , items] of checklistBlocks(c.body)) {
      const n = items.split('\n').filter((l) => /^- \[ \] \S/.test(l)).length;
      expect(n).toBeGreaterThanOrEqual(5);
      expect(n).toBeLessThanOrEqual(10);
    }
  });

  it('has 2–4 discussion questions', () => {
    const n = (c.sections.get('培训讨论') ?? '').split('\n').filter((l) => /^\d+\.\s/.test(l)).length;
    expect(n).toBeGreaterThanOrEqual(2);
    expect(n).toBeLessThanOrEqual(4);
  });

  it('ends with a 依据 list naming each source by title and date', () => {
    const items = (c.sections.get('依据') ?? '').split('\n').filter((l) => l.startsWith('- '));
    expect(items.length).toBeGreaterThanOrEqual(1);
    for (const item of items) {
      expect(item).toMatch(/《[^》]+》/);
      expect(item).toMatch(/\d{4}年/);
    }
  });

  it('marks illustrative cases as 示例', () => {
    for (const [, attrs] of c.body.matchAll(/<Callout\s([^>]*)>/g)) {
      if (attrs.includes('type="example"')) expect(attrs).toMatch(/title="示例/);
    }
  });
});

describe('links', () => {
  const links = all.flatMap((s) => [...s.body.matchAll(/\]\((\/[^)\s]*)\)/g)].map((m) => ({ from: s.file, href: m[1] })));

  it('every glossary link resolves to a term', () => {
    const broken = links
      .filter((l) => l.href.startsWith('/guide/glossary/#'))
      .filter((l) => !anchors.has(decodeURIComponent(l.href.split('#')[1])))
      .map((l) => `${l.from} → ${l.href}`);
    expect(broken).toEqual([]);
  });

  it('every link to a chapter or guide page points to a page that exists', () => {
    const pages = new Set(all.map((s) => s.href));
    const broken = links
      .map((l) => ({ ...l, page: l.href.split('#')[0] }))
      .filter((l) => l.page !== '/' && !l.page.startsWith('/checklists/') && !l.page.startsWith('/prepare/'))
      .filter((l) => !pages.has(l.page))
      .map((l) => `${l.from} → ${l.href}`);
    expect(broken).toEqual([]);
  });

  it('every chapter that uses a glossary term links it', () => {
    const missing: string[] = [];
    for (const c of chapters) {
      // Ignore headings, document titles and the sources list: a term there is not "used".
      const prose = c.body.split(/^## 依据/m)[0].replace(/^#.*$/gm, '').replace(/《[^》]*》/g, '');
      for (const term of terms) {
        const longer = terms.filter((t) => t !== term && t.includes(term));
        const uses = longer.reduce((s, t) => s.replaceAll(t, '□'), prose.replace(/\[[^\]]*\]\(\/guide\/glossary\/#[^)]*\)/g, '□'));
        if (uses.includes(term) && !c.body.includes(`(/guide/glossary/#${term})`)) missing.push(`${c.file}: ${term}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('checklists', () => {
  it('no two checklists share an id', () => {
    const ids = all.flatMap((s) => checklistBlocks(s.body).map((m) => /id="([^"]+)"/.exec(m[1])?.[1]));
    expect(ids.every(Boolean)).toBe(true);
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every checklist id starts with its topic', () => {
    for (const c of chapters) {
      for (const m of checklistBlocks(c.body)) expect(/id="([^"]+)"/.exec(m[1])![1].startsWith(c.file.split('/')[0])).toBe(true);
    }
  });
});

it('the content folder has only the six topics and front/', () => {
  const dirs = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  expect(dirs).toEqual([...TOPICS.map((t) => t.slug), 'front'].sort());
  expect(existsSync(path.join(root, 'front/glossary.mdx'))).toBe(true);
});
