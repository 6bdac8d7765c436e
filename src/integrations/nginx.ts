/**
 * The built site served by nginx with deploy/nginx.conf, as an office deploys it: for the
 * end-to-end tests (playwright.config.ts starts scripts/nginx.mjs) and for a look at the
 * real headers and precompressed files (`node scripts/nginx.mjs`).
 *
 * Runs Debian's nginx without touching its system setup: a main configuration in a temp
 * folder (pid, logs and temp paths inside it, the Brotli module loaded by absolute path)
 * includes deploy/nginx.conf with its placeholders filled in, and `nginx -p <temp> -c …
 * -g 'daemon off;'` runs in the foreground until stopped.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The site file an office installs; the tests use it as it is. */
export const SITE_TEMPLATE = path.join(ROOT, 'deploy/nginx.conf');
/** Where Debian's libnginx-mod-http-brotli-static puts the module. */
export const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
export const INSTALL = 'apt-get update && apt-get install -y nginx libnginx-mod-http-brotli-static';

export interface SiteOptions {
  /** The built site (absolute path): fills `__ROOT__`. */
  root: string;
  /** A port or address:port: fills `__LISTEN__`. */
  listen: string;
}

/** deploy/nginx.conf with its placeholders filled in. */
export function renderSite(template: string, { root, listen }: SiteOptions): string {
  if (!path.isAbsolute(root)) throw new Error(`nginx needs an absolute root, not “${root}”.`);
  if (!/^([\w.:[\]-]+:)?\d+$/.test(listen)) throw new Error(`nginx cannot listen on “${listen}”: write a port or address:port.`);
  for (const placeholder of ['__ROOT__', '__LISTEN__']) {
    if (!template.includes(placeholder)) throw new Error(`deploy/nginx.conf has no ${placeholder} placeholder.`);
  }
  // Quoted: a path with spaces stays one argument.
  return template.replaceAll('__ROOT__', JSON.stringify(root)).replaceAll('__LISTEN__', listen);
}

/** A main configuration around the site file: everything nginx writes goes into `dir`. */
export function mainConfig(dir: string, siteFile: string, asRoot: boolean): string {
  const at = (name: string) => JSON.stringify(path.join(dir, name));
  return [
    `load_module ${BROTLI_MODULE};`,
    // nginx started by root hands requests to workers running as “nobody”, who may not be
    // able to read a build in root's folders. The test server listens on 127.0.0.1 only.
    ...(asRoot ? ['user root;'] : []),
    'worker_processes 1;',
    `pid ${at('nginx.pid')};`,
    // crit: startup failures, unreadable files; not each 404 or folder without a page.
    'error_log stderr crit;',
    'events { worker_connections 256; }',
    'http {',
    '    access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${at(t)};`),
    `    include ${JSON.stringify(siteFile)};`,
    '}',
    '',
  ].join('\n');
}

/** The nginx binary and the Brotli module, or what to install. */
export function findNginx(): { nginx: string } | { missing: string } {
  // Debian puts nginx in /usr/sbin, which is not on every user's PATH.
  const nginx = ['nginx', '/usr/sbin/nginx'].find((bin) => !spawnSync(bin, ['-v'], { stdio: 'ignore' }).error);
  if (!nginx) return { missing: `nginx is not installed. Run: ${INSTALL}` };
  if (!existsSync(BROTLI_MODULE)) return { missing: `nginx's Brotli module is not installed (${BROTLI_MODULE}). Run: ${INSTALL}` };
  return { nginx };
}

export interface NginxServer {
  process: ChildProcess;
  /** The temp folder holding the configuration, pid and temp files. */
  dir: string;
  /** Stops nginx and removes the temp folder. */
  stop(): Promise<void>;
}

/** Starts nginx in the foreground with deploy/nginx.conf serving `root` on `listen`. */
export function startNginx(options: SiteOptions): NginxServer {
  const found = findNginx();
  if ('missing' in found) throw new Error(found.missing);
  if (!existsSync(path.join(options.root, 'index.html'))) {
    throw new Error(`No build in ${options.root}: run npm run build first.`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'hb-nginx-'));
  const site = path.join(dir, 'handbook.conf');
  writeFileSync(site, renderSite(readFileSync(SITE_TEMPLATE, 'utf8'), options));
  writeFileSync(path.join(dir, 'nginx.conf'), mainConfig(dir, site, process.getuid?.() === 0));
  const child = spawn(found.nginx, ['-e', 'stderr', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    dir,
    async stop() {
      // SIGQUIT: nginx finishes the requests under way, then exits.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
