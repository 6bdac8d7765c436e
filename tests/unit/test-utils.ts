/**
 * Model tests without a build, as Starlight's __tests__/test-utils.ts does it: a fixture
 * folder under tests/fixtures/ is read the way the content collections read content/
 * (frontmatter through the real schemas, MDX through the real checklist plugin, ids and
 * folders from the route map) and served by a mocked `astro:content`.
 *
 *   vi.mock('astro:content', () => mockedAstroContent('handbook'));
 *
 * `mockedAstroContent` also points the configuration at the fixture (HB_CONTENT_DIR), so
 * the model's checks across files look at the fixture's folders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import GithubSlugger from 'github-slugger';
import { mdxToJs, type Data } from 'satteri';
import { parse as parseYaml } from 'yaml';
import { contentPlugins } from '../../src/lib/markdown';
import { ROUTES, entryId } from '../../src/lib/routes';
import { chapterSchema, exerciseSchema, frontSchema, policySchema } from '../../src/lib/schema';

export const fixturesDir = path.resolve(import.meta.dirname, '../fixtures');
const root = path.resolve(import.meta.dirname, '../..');

interface MockEntry {
  id: string;
  collection: string;
  data: Record<string, unknown>;
  body: string;
  filePath: string;
}

interface Rendered {
  remarkPluginFrontmatter: Record<string, unknown>;
  headings: { depth: number; slug: string; text: string }[];
}

function mdxFiles(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else if (pattern.test(r)) out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}

type Schema = typeof chapterSchema | typeof frontSchema | typeof policySchema | typeof exerciseSchema;

function readEntry(collection: string, base: string, rel: string, schema: Schema): MockEntry {
  const file = path.join(base, rel);
  const text = readFileSync(file, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const data = schema.parse(parseYaml(m?.[1] ?? '') ?? {});
  return { id: entryId(rel), collection, data, body: text.slice(m?.[0].length ?? 0), filePath: path.relative(root, file) };
}

/** What `render()` gives the model: the plugin's frontmatter (checklists) and the headings. */
function renderEntry(entry: MockEntry): Rendered {
  const file = path.join(root, entry.filePath);
  // The plugin records its findings where Astro's Markdown integration reads them.
  const frontmatter: Record<string, unknown> = {};
  mdxToJs(entry.body, { mdastPlugins: contentPlugins(), fileURL: pathToFileURL(file), data: { astro: { frontmatter } } as Data });
  const slugger = new GithubSlugger();
  const headings = [...entry.body.matchAll(/^(#{2,3}) (.+)$/gm)].map((h) => ({ depth: h[1].length, text: h[2].trim(), slug: slugger.slug(h[2].trim()) }));
  return { remarkPluginFrontmatter: frontmatter, headings };
}

/** The collections of a fixture folder, read as the content collections read content/. */
type CollectionName = 'chapters' | 'front' | 'policies' | 'exercises';

export function loadFixture(name: string): Record<CollectionName, MockEntry[]> {
  const dir = path.join(fixturesDir, name);
  const glob = (patterns: string[]) => new RegExp(`^(?:${patterns.map((p) => p.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')).join('|')})$`);
  const frontBase = path.join(dir, ROUTES.front.folder);
  const policyBase = path.join(dir, ROUTES.policies.folder);
  const exerciseBase = path.join(dir, ROUTES.exercises.folder);
  return {
    chapters: mdxFiles(dir, glob(ROUTES.chapters.patterns)).map((rel) => readEntry('chapters', dir, rel, chapterSchema)),
    front: mdxFiles(frontBase, glob(ROUTES.front.patterns)).map((rel) => readEntry('front', frontBase, rel, frontSchema)),
    policies: mdxFiles(policyBase, glob(ROUTES.policies.patterns)).map((rel) => readEntry('policies', policyBase, rel, policySchema)),
    exercises: mdxFiles(exerciseBase, glob(ROUTES.exercises.patterns)).map((rel) => readEntry('exercises', exerciseBase, rel, exerciseSchema)),
  };
}

/** A stand-in for `astro:content` serving the fixture `name`. */
export function mockedAstroContent(name: string) {
  process.env.HB_CONTENT_DIR = path.join(fixturesDir, name);
  const collections = loadFixture(name);
  return {
    getCollection: async (collection: CollectionName, filter?: (entry: MockEntry) => boolean) =>
      filter ? collections[collection].filter(filter) : collections[collection],
    render: async (entry: MockEntry) => ({ ...renderEntry(entry), Content: () => null }),
  };
}
