/**
 * The handbook's configuration: every environment variable and the site's identity, read
 * once and checked. astro.config.mjs, the content collections, the model, the build steps,
 * the scripts, the benchmark and the tests all ask here; nothing else reads `HB_*`.
 *
 * Plain TypeScript with no Astro imports, so Node (type stripping) runs it from scripts too.
 * A bad value stops at once with a message that names the variable and the fix.
 *
 *   HB_BUILD_DIR       a scratch folder for a whole build (dist/, Astro's cache, server chunks);
 *                      default: dist/ in the project
 *   HB_CONTENT_DIR     the national content folder; default content/ (the benchmark and
 *                      fixture builds point it elsewhere)
 *   HB_SITE_URL        the public address (canonical links, sitemap, QR codes, Open Graph)
 *   HB_EDITION         a local edition's folder (e.g. editions/shili-xian): its edition.yaml
 *                      gives the site's identity and its content is overlaid on the national
 *                      text (see editions/README or the README's 怎样做本地版)
 *   HB_EDITION_LABEL   the edition label printed on covers and footers; default below
 *   HB_SKIP_STEPS      build steps to leave out, comma-separated (e.g. pdf,offline): for test
 *                      and benchmark builds that do not need them
 *   HB_PDF_ONLY        make only these PDFs, comma-separated (e.g. handbook.pdf,handouts/meetings.pdf):
 *                      for test builds that check a few of them
 *   CHROMIUM_PATH      the browser for PDFs and tests; default /usr/bin/chromium
 *   HB_TEST_PORT       the port the end-to-end tests serve on; default 4399
 *   HB_TEST_SERVER     what serves the build to the end-to-end tests: nginx with
 *                      deploy/nginx.conf (default), or preview (`astro preview`, where nginx
 *                      is not installed; the hosting tests are then skipped)
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';

/** Who publishes the handbook and how it names itself: header, covers, running heads, cards. */
export interface SiteIdentity {
  /** Site title: header, <title>, covers, Open Graph site name. */
  title: string;
  /** One-sentence description: home page meta, Open Graph. */
  description: string;
  /** Edition label: footer, covers, running heads, e.g. “2026年第1版”. */
  edition: string;
  /** Who publishes it: covers and the footer (a local edition's organisation). */
  organisation?: string;
  /** Short name of a local edition, e.g. “示例县”: the header and the 本地 labels. */
  shortName?: string;
  /** Contact lines (where to report formalism, who edits this edition): footer and covers. */
  contacts: { label: string; value: string }[];
  /** A logo (site path, copied into the build): header and covers. */
  logo?: string;
  /** A clearly fictional example edition: every page says so. */
  example: boolean;
}

/** A local edition: its folder and the identity its edition.yaml gives. */
export interface Edition {
  /** Folder name, e.g. `shili-xian`. */
  name: string;
  /** Absolute path of the folder. */
  dir: string;
  /** The logo file, when edition.yaml names one (absolute path). */
  logoFile?: string;
}

/** A folder of content. Later layers add to earlier ones (a local edition over the national text). */
export interface ContentLayer {
  /** `national` is the handbook's own content/; a local edition adds a `local` layer. */
  origin: 'national' | 'local';
  /** Absolute path of the folder. */
  dir: string;
}

export const BUILD_STEPS = ['link-check', 'search-index', 'pdf', 'docx', 'offline', 'compress'] as const;
export type BuildStepName = (typeof BUILD_STEPS)[number];

export interface HandbookConfig {
  /** The project folder (absolute). */
  root: string;
  /** Content layers in overlay order; the first is the national content. */
  layers: ContentLayer[];
  /** Where `astro build` writes the site (absolute). */
  outDir: string;
  /** Set with HB_BUILD_DIR: Astro's cache and server chunks go there too. */
  buildDir?: string;
  /** Public address of the site, with a trailing slash. */
  site: string;
  identity: SiteIdentity;
  /** The local edition being built, if any (HB_EDITION). */
  edition?: Edition;
  /** Build steps after `astro build` that this build leaves out. */
  skipSteps: ReadonlySet<BuildStepName>;
  /** When set, the PDF step makes only these files (paths as in files.ts). */
  pdfOnly?: ReadonlySet<string>;
  chromiumPath: string;
  testPort: number;
  testServer: TestServer;
}

export const TEST_SERVERS = ['nginx', 'preview'] as const;
export type TestServer = (typeof TEST_SERVERS)[number];

export const DEFAULT_SITE_URL = 'https://handbook.example.org/';

export const NATIONAL_IDENTITY: SiteIdentity = {
  title: '基层减负工作手册',
  description:
    '面向乡镇街道和县区机关干部的基层减负工作手册：会议、发文、调研、督查检查、考核、工作群与政务应用、基层权责，可搜索、可打勾、可打印、可离线。',
  edition: '2026年第1版',
  contacts: [],
  example: false,
};

/** editions/<name>/edition.yaml: a local edition's identity. Messages name the field and the fix. */
const text = (field: string, max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `缺少“${field}”，请补上。` : `“${field}”应当是一段文字。`) })
    .trim()
    .min(1, { error: `“${field}”不能为空。` })
    .max(max, { error: `“${field}”不能超过 ${max} 个字。` });

export const editionSchema = z.strictObject(
  {
    /** Full name of the publishing organisation, e.g. 示例县整治形式主义为基层减负工作专班. */
    organisation: text('organisation（编印单位全称）', 60),
    /** Short name for the header and the 本地 labels, e.g. 示例县. */
    shortName: text('shortName（简称）', 12),
    /** Site title; default: the national title with （<shortName>版）. */
    title: text('title（手册标题）', 40).optional(),
    /** Edition label, e.g. 2026年示例县第1版. */
    edition: text('edition（版本）', 30),
    /** Edition date. */
    date: z.coerce.date({ error: '“date”（版本日期）应写成 2026-11-27 这样的日期。' }),
    /** Public address of this edition's site. */
    siteUrl: z.url({ error: (iss) => (iss.input === undefined ? '缺少“siteUrl”（网址），例如 https://jianfu.example.gov.cn/。' : '“siteUrl”（网址）应写完整的网址，例如 https://jianfu.example.gov.cn/。') }),
    /** A logo file in the edition folder (svg or png). */
    logo: z.string().regex(/^[\w.-]+\.(svg|png)$/, { error: '“logo”应写版本文件夹里的图片文件名，例如 logo.svg（svg 或 png）。' }).optional(),
    /** Contact lines: where to report formalism, who edits this edition. */
    contacts: z
      .array(z.strictObject({ label: text('contacts 的 label（说明）', 20), value: text('contacts 的 value（联系方式）', 80) }), {
        error: '“contacts”（联系方式）应写成列表，每项有 label 和 value。',
      })
      .default([]),
    /** true for a fictional example edition: every page says so. */
    example: z.boolean({ error: '“example”应写 true 或 false。' }).default(false),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `edition.yaml 里有不认识的字段：${iss.keys.join('、')}。请检查拼写。` : undefined) },
);

function loadEdition(value: string, root: string): { edition: Edition; data: z.infer<typeof editionSchema> } {
  const dir = folder('HB_EDITION', value, root);
  const file = path.join(dir, 'edition.yaml');
  const rel = path.relative(root, file);
  if (!existsSync(file)) {
    throw new ConfigError(`本地版文件夹“${value}”里没有 edition.yaml。`, '每个本地版都要有 edition.yaml，写明编印单位、简称、版本和网址；可照 editions/shili-xian/edition.yaml 写。');
  }
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${rel} 的格式有误：${(error as Error).message.split('\n')[0]}`, '检查缩进和冒号：每行写“字段: 内容”，内容里有冒号的加引号。');
  }
  const parsed = editionSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues.map((iss) => `- ${rel}：字段 ${iss.path.join('.') || '(全部)'}：${iss.message}`);
    throw new ConfigError(`本地版的设置有 ${lines.length} 处问题：\n${lines.join('\n')}`, '按提示改好 edition.yaml 后重新运行 npm run build。');
  }
  const data = parsed.data;
  const logoFile = data.logo ? path.join(dir, data.logo) : undefined;
  if (logoFile && !existsSync(logoFile)) {
    throw new ConfigError(`${rel}：字段 logo 写的“${data.logo}”在版本文件夹里找不到。`, '把图片放进版本文件夹，或删掉 logo 这一行。');
  }
  if (path.relative(path.join(root, 'content'), dir).split(path.sep)[0] !== '..') {
    throw new ConfigError(`本地版文件夹“${value}”在 content/ 里面。`, '本地版要放在 content/ 之外（例如 editions/<名称>/），全国版的文件一律不改。');
  }
  return { edition: { name: path.basename(dir), dir, ...(logoFile ? { logoFile } : {}) }, data };
}

/** A configuration mistake: names the variable and says how to fix it. */
export class ConfigError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(`${message}\n${hint}`);
    this.name = 'ConfigError';
    this.hint = hint;
  }
}

/**
 * The project folder: two levels above this file when it runs from src/lib/ (scripts, tests,
 * the Astro config). Inside Astro's bundled page chunks this file has moved; there
 * scripts/astro.mjs has said where the project is (HB_ROOT), as the build may run elsewhere.
 */
const HERE = fileURLToPath(import.meta.url);
const ROOT = HERE.endsWith(path.join('src', 'lib', 'config.ts'))
  ? path.resolve(path.dirname(HERE), '../..')
  : path.resolve(process.env.HB_ROOT ?? process.cwd());

function folder(name: string, value: string, root: string): string {
  const dir = path.resolve(root, value);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ConfigError(`环境变量 ${name} 指向的文件夹“${value}”不存在。`, `请写一个存在的文件夹，或不设置 ${name}。`);
  }
  return dir;
}

function siteUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`环境变量 HB_SITE_URL 写成了“${value}”，不是一个网址。`, '请写完整的网址，例如 HB_SITE_URL=https://jianfu.example.gov.cn/');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`环境变量 HB_SITE_URL 的网址“${value}”应以 https:// 或 http:// 开头。`, '例如 HB_SITE_URL=https://jianfu.example.gov.cn/');
  }
  if (url.search || url.hash) {
    throw new ConfigError(`环境变量 HB_SITE_URL 的网址“${value}”不能带 ? 或 # 部分。`, '只写站点地址，例如 https://jianfu.example.gov.cn/');
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function steps(value: string): Set<BuildStepName> {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(BUILD_STEPS as readonly string[]).includes(n));
  if (unknown.length) {
    throw new ConfigError(`环境变量 HB_SKIP_STEPS 里有不认识的步骤：${unknown.join('、')}。`, `可以写的步骤：${BUILD_STEPS.join('、')}（用逗号隔开）。`);
  }
  return new Set(names as BuildStepName[]);
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new ConfigError(`环境变量 HB_TEST_PORT 写成了“${value}”，不是端口号。`, '请写 1 到 65535 之间的整数，例如 HB_TEST_PORT=4399。');
  }
  return n;
}

function testServer(value: string): TestServer {
  if (!(TEST_SERVERS as readonly string[]).includes(value)) {
    throw new ConfigError(`环境变量 HB_TEST_SERVER 写成了“${value}”。`, `可以写 ${TEST_SERVERS.join(' 或 ')}；不设置时用 nginx。`);
  }
  return value as TestServer;
}

/** Reads and checks the configuration from `env` (pure apart from checking folders exist). */
export function loadConfig(env: Record<string, string | undefined> = process.env, root = ROOT): HandbookConfig {
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const contentDir = value('HB_CONTENT_DIR') ? folder('HB_CONTENT_DIR', value('HB_CONTENT_DIR')!, root) : path.join(root, 'content');
  const buildDir = value('HB_BUILD_DIR') ? path.resolve(root, value('HB_BUILD_DIR')!) : undefined;
  const label = value('HB_EDITION_LABEL');
  const local = value('HB_EDITION') ? loadEdition(value('HB_EDITION')!, root) : undefined;
  const identity: SiteIdentity = local
    ? {
        title: local.data.title ?? `${NATIONAL_IDENTITY.title}（${local.data.shortName}版）`,
        description: `${local.data.organisation}编印的基层减负工作手册：全国通用的做法和规定，加上${local.data.shortName}的本地规定。`,
        edition: local.data.edition,
        organisation: local.data.organisation,
        shortName: local.data.shortName,
        contacts: local.data.contacts,
        ...(local.data.logo ? { logo: `/edition/${local.data.logo}` } : {}),
        example: local.data.example,
      }
    : NATIONAL_IDENTITY;
  return {
    root,
    layers: [{ origin: 'national', dir: contentDir }, ...(local ? [{ origin: 'local' as const, dir: local.edition.dir }] : [])],
    outDir: buildDir ? path.join(buildDir, 'dist') : path.join(root, 'dist'),
    ...(buildDir ? { buildDir } : {}),
    site: siteUrl(value('HB_SITE_URL') ?? local?.data.siteUrl ?? DEFAULT_SITE_URL),
    identity: { ...identity, ...(label ? { edition: label } : {}) },
    ...(local ? { edition: local.edition } : {}),
    skipSteps: steps(value('HB_SKIP_STEPS') ?? ''),
    ...(value('HB_PDF_ONLY') ? { pdfOnly: new Set(value('HB_PDF_ONLY')!.split(',').map((f) => f.trim()).filter(Boolean)) } : {}),
    chromiumPath: value('CHROMIUM_PATH') ?? '/usr/bin/chromium',
    testPort: port(value('HB_TEST_PORT') ?? '4399'),
    testServer: testServer(value('HB_TEST_SERVER') ?? 'nginx'),
  };
}

let cached: HandbookConfig | undefined;

/** The configuration of this process, read on first use. */
export function getConfig(): HandbookConfig {
  cached ??= loadConfig();
  return cached;
}

/** The national content folder (the first layer). */
export function contentDir(config: HandbookConfig = getConfig()): string {
  return config.layers[0].dir;
}
