/**
 * A handbook much larger than ours (84 chapters) builds pages whose table of contents does
 * not grow with it: all the topics, and only a window of the current topic's chapters
 * (src/lib/nav.ts). A real build of fixture content, read as a reader's browser gets it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPIC_WINDOW } from '../../src/lib/nav';
import { TOPICS } from '../../src/lib/topics';
import { buildFixture, type FixtureBuild } from './build-fixture';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'hb-large-'));
const PER_TOPIC = 14;
let build: FixtureBuild;
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  for (const topic of TOPICS) {
    for (let i = 1; i <= PER_TOPIC; i++) {
      const file = path.join(work, 'content', topic.slug, `c${i}.mdx`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `---\ntitle: ${topic.name}第${i}章\ndescription: 一句话摘要。\ntopic: ${topic.slug}\norder: ${i}\nupdated: 2026-11-27\n---\n\n## 问题表现\n\n正文。\n`);
    }
  }
  build = buildFixture(path.join(work, 'content'));
  expect(build.status, build.output).toBe(0);
}, 120_000);

const html = (page: string) => readFileSync(path.join(build.dist, page, 'index.html'), 'utf8');
function navLinks(page: string) {
  const doc = html(page);
  const nav = /<nav class="hb-nav" aria-label="手册目录">([\s\S]*?)<\/nav>/.exec(doc)![1];
  return [...nav.matchAll(/<a [^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({ href: m[1], text: m[2].replace(/<[^>]+>/g, '') }));
}

describe(`a handbook of ${TOPICS.length * PER_TOPIC} chapters`, () => {
  it('a chapter page lists every topic, and a window of its own topic around it', () => {
    const links = navLinks('/documents/c10/');
    for (const topic of TOPICS) expect(links.map((l) => l.href)).toContain(`/${topic.slug}/`);
    const documents = links.filter((l) => l.href.startsWith('/documents/c'));
    expect(documents).toHaveLength(TOPIC_WINDOW);
    expect(documents.map((l) => l.text)).toContain('发文第10章');
    expect(links.filter((l) => /^\/(meetings|assessment)\/c/.test(l.href))).toEqual([]);
    expect(links).toContainEqual({ href: '/documents/', text: `本专题全部 ${PER_TOPIC} 章` });
    expect(links).toContainEqual({ href: '/assessment/', text: `考核（${PER_TOPIC} 章）` });
  });

  it('the topic page still lists all its chapters', () => {
    const doc = html('/documents/');
    for (let i = 1; i <= PER_TOPIC; i++) expect(doc).toContain(`href="/documents/c${i}/"`);
  });

  it('pages with the shortened table of contents are valid HTML', async () => {
    const config = JSON.parse(readFileSync(path.join(root, '.htmlvalidate.json'), 'utf8'));
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    for (const page of ['/documents/c1/', '/documents/c14/', '/meetings/']) {
      const report = await validator.validateString(html(page), `${page}index.html`);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), page).toEqual([]);
    }
  });
});
