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
 *   HB_EDITION_LABEL   the edition label printed on covers and footers; default below
 *   HB_SKIP_STEPS      build steps to leave out, comma-separated (e.g. pdf,offline): for test
 *                      and benchmark builds that do not need them
 *   CHROMIUM_PATH      the browser for PDFs and tests; default /usr/bin/chromium
 *   HB_TEST_PORT       the port the end-to-end tests serve on; default 4399
 *   HB_TEST_SERVER     what serves the build to the end-to-end tests: nginx with
 *                      deploy/nginx.conf (default), or preview (`astro preview`, where nginx
 *                      is not installed; the hosting tests are then skipped)
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Who publishes the handbook and how it names itself: header, covers, running heads, cards. */
export interface SiteIdentity {
  /** Site title: header, <title>, covers, Open Graph site name. */
  title: string;
  /** One-sentence description: home page meta, Open Graph. */
  description: string;
  /** Edition label: footer, covers, running heads, e.g. “2026年第1版”. */
  edition: string;
}

/** A folder of content. Later layers add to earlier ones (a local edition over the national text). */
export interface ContentLayer {
  /** `national` is the handbook's own content/; a local edition adds a `local` layer. */
  origin: 'national' | 'local';
  /** Absolute path of the folder. */
  dir: string;
}

export const BUILD_STEPS = ['link-check', 'search-index', 'pdf', 'offline', 'compress'] as const;
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
  /** Build steps after `astro build` that this build leaves out. */
  skipSteps: ReadonlySet<BuildStepName>;
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
};

/** A configuration mistake: names the variable and says how to fix it. */
export class ConfigError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(`${message}\n${hint}`);
    this.name = 'ConfigError';
    this.hint = hint;
  }
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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
  return {
    root,
    layers: [{ origin: 'national', dir: contentDir }],
    outDir: buildDir ? path.join(buildDir, 'dist') : path.join(root, 'dist'),
    ...(buildDir ? { buildDir } : {}),
    site: siteUrl(value('HB_SITE_URL') ?? DEFAULT_SITE_URL),
    identity: { ...NATIONAL_IDENTITY, ...(label ? { edition: label } : {}) },
    skipSteps: steps(value('HB_SKIP_STEPS') ?? ''),
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
