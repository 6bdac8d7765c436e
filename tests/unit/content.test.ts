/**
 * The handbook's text as a whole: every topic complete, every chapter in the agreed shape
 * (sections, length, checklists, questions, citations through the policy library, one
 * style of example), every glossary and chapter link pointing somewhere real. Reads the
 * MDX sources.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/lib/topics';
import { parseGlossary } from '../../src/lib/search/vocabulary';

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

/** Records of the policy library: id → titles (full and short). */
const records = readdirSync(path.join(root, 'policies'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const fm = readFileSync(path.join(root, 'policies', f), 'utf8').split('\n---\n')[0];
    return { id: f.replace(/\.mdx$/, ''), title: /^title: (.+)$/m.exec(fm)![1], short: /^short: (.+)$/m.exec(fm)?.[1] };
  });

const chapters = TOPICS.flatMap((t) =>
  readdirSync(path.join(root, t.slug)).filter((f) => f.endsWith('.mdx')).map((f) => load(`${t.slug}/${f}`, `/${t.slug}/${f.replace(/\.mdx$/, '')}/`)),
);
const front = readdirSync(path.join(root, 'front')).map((f) => load(`front/${f}`, `/guide/${f.replace(/\.mdx$/, '')}/`));
const all = [...chapters, ...front];

const cjk = (s: string) => (s.match(/[\u4e00-\u9fff]/g) ?? []).length;
/** The one disclaimer sentence that ends every composed example. */
const EXAMPLE_NOTE = '（示例为编写组根据常见情形编写，不指向真实单位。）';
const checklistBlocks = (s: string) => [...s.matchAll(/<Checklist\s([^>]*)>([\s\S]*?)<\/Checklist>/g)];

const glossary = load('front/glossary.mdx', '/guide/glossary/');
const slugger = new GithubSlugger();
const anchors = new Set([...glossary.body.matchAll(/^#{2,3} (.+)$/gm)].map((m) => slugger.slug(m[1].trim())));
const terms = [...glossary.body.matchAll(/^### (.+)$/gm)].map((m) => m[1].trim());

describe('the handbook covers every topic', () => {
  it.each(TOPICS.map((t) => [t.name, t.slug]))('%s has at least four chapters', (_name, slug) => {
    expect(chapters.filter((c) => c.file.startsWith(`${slug}/`)).length).toBeGreaterThanOrEqual(4);
  });

  it('has the front matter: 前言, 培训使用指南 and the 术语 glossary (the policy timeline is /policies/)', () => {
    expect(front.map((f) => f.file).sort()).toEqual(
      ['front/glossary.mdx', 'front/preface.mdx', 'front/training-guide.mdx'],
    );
    expect(terms.length).toBeGreaterThanOrEqual(15);
    for (const t of ['文山会海', '留痕', '陪会', '督查检查考核', '指尖上的形式主义', '白头文件', '属地管理', '履职事项清单', '一表通', '盆景', '回头看', '短实新']) expect(terms).toContain(t);
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

  it('has at least 1,500 Chinese characters of its own prose (checklists, trainer notes and link addresses aside)', () => {
    const prose = c.body
      .replace(/<Checklist[\s\S]*?<\/Checklist>/g, '')
      .replace(/<TrainerNote>[\s\S]*?<\/TrainerNote>/g, '')
      .replace(/\]\([^)]*\)/g, ']')
      .split(/^## 依据/m)[0];
    expect(cjk(prose)).toBeGreaterThanOrEqual(1500);
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

  it('cites the policy library, and its 依据 is generated from the citations (no title typed by hand)', () => {
    expect((c.sections.get('依据') ?? '').trim()).toBe('<Sources />');
    const cites = [...c.body.matchAll(/<Cite doc="([^"]+)"/g)].map((m) => m[1]);
    expect(cites.length).toBeGreaterThan(0);
    const typed = records.flatMap((r) => [r.title, r.short].filter(Boolean).map((t) => `《${t}》`)).filter((t) => c.body.includes(t));
    expect(typed, 'write <Cite doc="…" /> instead of the title').toEqual([]);
  });

  it('marks illustrative cases as 示例, in one style', () => {
    for (const [, attrs, body] of c.body.matchAll(/<Callout\s([^>]*)>([\s\S]*?)<\/Callout>/g)) {
      if (!attrs.includes('type="example"')) continue;
      expect(attrs).toMatch(/title="示例：/);
      expect(body.trim().endsWith(EXAMPLE_NOTE), `${attrs}: ends with ${EXAMPLE_NOTE}`).toBe(true);
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
    const exercises = TOPICS.flatMap((t) =>
      existsSync(path.join(root, 'exercises', t.slug)) ? readdirSync(path.join(root, 'exercises', t.slug)).map((f) => `/training/${t.slug}/${f.replace(/\.mdx$/, '')}/`) : [],
    );
    const pages = new Set([...all.map((s) => s.href), '/policies/', '/training/', '/offline/', ...exercises, ...records.map((r) => `/policies/${r.id}/`)]);
    const broken = links
      .map((l) => ({ ...l, page: l.href.split('#')[0] }))
      .filter((l) => l.page !== '/' && !l.page.startsWith('/checklists/') && !l.page.startsWith('/prepare/'))
      .filter((l) => !pages.has(l.page))
      .map((l) => `${l.from} → ${l.href}`);
    expect(broken).toEqual([]);
  });

  it('a glossary term lists as 相关章节 only pages that use the term', () => {
    const wrong = parseGlossary(glossary.body).flatMap((entry) =>
      entry.hrefs
        .filter((href) => !all.find((page) => page.href === href)?.body.split(/^## 依据/m)[0].includes(entry.term))
        .map((href) => `${entry.term} → ${href}`),
    );
    expect(wrong).toEqual([]);
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

it('the content folder has only the topics, front/ and policies/', () => {
  const dirs = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  expect(dirs).toEqual([...TOPICS.map((t) => t.slug), 'exercises', 'front', 'policies'].sort());
  expect(existsSync(path.join(root, 'front/glossary.mdx'))).toBe(true);
});

describe('the text as a whole', () => {
  it('says “以正式公布文本为准” on the policy pages, not in the prose (two places at most)', () => {
    const places = all.filter((s) => s.body.includes('以正式公布文本为准')).map((s) => s.file);
    expect(places.length, places.join(', ')).toBeLessThanOrEqual(2);
  });

  it('has no competing superlatives and no chapter opening like another', () => {
    for (const c of chapters) expect(c.body, c.file).not.toMatch(/见效最快|最关键的一[步条]|最重要的一[步条]/);
    const openings = chapters.map((c) => (c.sections.get('问题表现') ?? '').trim().slice(0, 8));
    expect(new Set(openings).size).toBe(openings.length);
  });
});
