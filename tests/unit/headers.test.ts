/**
 * The security and caching headers, which live in three places that must agree: the page's
 * <meta> CSP (src/lib/csp.ts), public/_headers (hosts that read it: Netlify, Cloudflare
 * Pages) and deploy/nginx.conf (the server offices run; the end-to-end tests serve with it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP, CSP_DIRECTIVES } from '../../src/lib/csp';
import { BROTLI_MODULE, findNginx, mainConfig, renderSite } from '../../src/integrations/nginx';

const root = path.resolve(import.meta.dirname, '../..');
const headers = readFileSync(path.join(root, 'public/_headers'), 'utf8');
const nginx = readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8');
/** nginx.conf without its comments. */
const nginxCode = nginx.replace(/#.*$/gm, '');

/** public/_headers as rules: path pattern → header name → value. */
function headerRules(): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of headers.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.set(line.trim(), (current = new Map()));
    else {
      const [, name, value] = /^\s+([\w-]+):\s*(.+)$/.exec(line)!;
      current!.set(name, value.trim());
    }
  }
  return rules;
}

/** deploy/nginx.conf's add_header lines: name → value as written (and whether each says `always`). */
function nginxHeaders(): Map<string, { value: string; always: boolean }> {
  return new Map(
    [...nginxCode.matchAll(/add_header\s+([\w-]+)\s+(?:"([^"]*)"|(\S+))\s*(always)?\s*;/g)].map((m) => [m[1], { value: m[2] ?? m[3], always: !!m[4] }]),
  );
}

/** A response as nginx's maps see it. */
interface Served {
  uri: string;
  contentType: string;
}

/**
 * The value of an nginx variable for a response: `$uri`, `$sent_http_content_type`, or one of
 * the file's `map`s, evaluated as nginx does (exact keys first, then the regular expressions
 * in order, else `default`; these are plain PCRE that JavaScript reads the same way).
 */
function nginxVariable(name: string, response: Served): string {
  if (name === 'uri') return response.uri;
  if (name === 'sent_http_content_type') return response.contentType;
  const map = new RegExp(`map \\$(\\w+) \\$${name} \\{([^}]*)\\}`).exec(nginxCode);
  if (!map) throw new Error(`no map for $${name} in deploy/nginx.conf`);
  const input = nginxVariable(map[1], response);
  const entries = [...map[2].matchAll(/(\S+)\s+(?:"([^"]*)"|([^\s;]+))\s*;/g)].map((m) => ({ key: m[1], value: m[2] ?? m[3] }));
  const found =
    entries.find((e) => e.key !== 'default' && !e.key.startsWith('~') && e.key === input) ??
    entries.find((e) => e.key.startsWith('~') && new RegExp(e.key.slice(1)).test(input)) ??
    entries.find((e) => e.key === 'default');
  return resolve(found?.value ?? '', response);
}

/** A value as written in the file, its `$variables` filled in. */
function resolve(value: string, response: Served): string {
  return value.replace(/\$(\w+)/g, (_, name: string) => nginxVariable(name, response));
}

/** The headers nginx adds to a response (an empty value sends none). */
function nginxSends(response: Served): Map<string, string> {
  const sent = new Map<string, string>();
  for (const [name, { value }] of nginxHeaders()) {
    const v = resolve(value, response);
    if (v) sent.set(name, v);
  }
  return sent;
}

/** What Cache-Control nginx sends for a URI. */
const nginxCacheControl = (uri: string) => nginxSends({ uri, contentType: 'text/html; charset=utf-8' }).get('Cache-Control');

const page: Served = { uri: '/meetings/attendance/index.html', contentType: 'text/html; charset=utf-8' };

/** deploy/nginx.conf's `types { }`: extension → type. */
function nginxTypes(): Map<string, string> {
  const block = /types \{([^}]*)\}/.exec(nginxCode)![1];
  return new Map([...block.matchAll(/(\S+)\s+([^;]+);/g)].flatMap((m) => m[2].trim().split(/\s+/).map((ext) => [ext, m[1]] as [string, string])));
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('security headers', () => {
  it('the hosting CSP header is the page CSP plus frame-ancestors', () => {
    const line = /Content-Security-Policy: (.+)/.exec(headers)![1];
    expect(line).toBe(`${CSP}; frame-ancestors 'none'`);
  });
  it('the CSP allows no inline or eval scripts, only WebAssembly compilation', () => {
    expect(CSP_DIRECTIVES['script-src']).toBe("'self' 'wasm-unsafe-eval'");
    expect(CSP).not.toContain("'unsafe-inline'");
    expect(CSP).not.toContain("'unsafe-eval'");
    expect(CSP_DIRECTIVES['object-src']).toBe("'none'");
  });
  it('sends nosniff and a referrer policy', () => {
    expect(headers).toContain('X-Content-Type-Options: nosniff');
    expect(headers).toContain('Referrer-Policy: strict-origin-when-cross-origin');
  });
});

describe('deploy/nginx.conf', () => {
  it('sends the CSP of src/lib/csp.ts plus frame-ancestors with pages and error pages', () => {
    expect(nginxSends(page).get('Content-Security-Policy')).toBe(`${CSP}; frame-ancestors 'none'`);
    expect(nginxSends({ uri: '/404.html', contentType: 'text/html; charset=utf-8' }).get('Content-Security-Policy')).toBe(`${CSP}; frame-ancestors 'none'`);
  });
  it('sends every header _headers sets for all paths with pages, with the same value, on every status', () => {
    const all = headerRules().get('/*')!;
    expect(all.size).toBeGreaterThanOrEqual(5);
    const sent = nginxSends(page);
    for (const [name, value] of all) expect(sent.get(name), name).toBe(value);
    // `always`: error pages and the 404 page too.
    for (const [name, { always }] of nginxHeaders()) expect(always, name).toBe(true);
  });
  it('sends the CSP with scripts too (a worker such as sw.js takes its policy from its response)', () => {
    const sw = nginxSends({ uri: '/sw.js', contentType: 'text/javascript; charset=utf-8' });
    expect(sw.get('Content-Security-Policy')).toBe(`${CSP}; frame-ancestors 'none'`);
    expect(sw.get('X-Content-Type-Options')).toBe('nosniff');
  });
  it('sends only nosniff and the referrer policy with other files, whose document headers browsers ignore', () => {
    for (const response of [
      { uri: '/pagefind/index/zh-cn_12ee618.pf_index', contentType: 'application/octet-stream' },
      { uri: '/_astro/Base.Bkl5QUV6.css', contentType: 'text/css; charset=utf-8' },
      { uri: '/manifest.webmanifest', contentType: 'application/manifest+json; charset=utf-8' },
    ]) {
      const sent = nginxSends(response);
      expect([...sent.keys()].sort(), response.uri).toEqual(['Cache-Control', 'Referrer-Policy', 'X-Content-Type-Options']);
      expect(sent.get('X-Content-Type-Options')).toBe(headerRules().get('/*')!.get('X-Content-Type-Options'));
    }
  });
  it('sets headers only at the server level (nginx drops them in a location with add_header of its own)', () => {
    for (const [, body] of nginxCode.matchAll(/location[^{]*\{([^}]*)\}/g)) expect(body).not.toMatch(/add_header/);
  });
  it('caches fingerprinted files for a year and revalidates the rest', () => {
    for (const uri of [
      '/_astro/Base.Bkl5QUV6.css', '/_astro/Search.astro_astro_type_script_index_0_lang.BPM-ou7K.js',
      '/pagefind/index/zh-cn_12ee618.pf_index', '/pagefind/fragment/zh-cn_056e08f.pf_fragment',
      '/pagefind/filter/zh-cn_21e1ef3.pf_filter', '/pagefind/pagefind.zh-cn_17377ec77d749.pf_meta',
    ]) expect(nginxCacheControl(uri), uri).toBe(IMMUTABLE);
    for (const uri of [
      '/', '/index.html', '/meetings/attendance/index.html', '/404.html', '/sw.js', '/workbox-6e3547a6.js',
      '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/wasm.unknown.pagefind',
      '/manifest.webmanifest', '/handbook.pdf', '/favicon.svg',
    ]) expect(nginxCacheControl(uri), uri).toBe('no-cache');
  });
  it('agrees with every Cache-Control rule of _headers', () => {
    // A file each rule of _headers covers (a new rule needs one here).
    const sample: Record<string, string> = {
      '/sw.js': '/sw.js',
      '/_astro/*': '/_astro/Base.Bkl5QUV6.css',
      '/pagefind/index/*': '/pagefind/index/zh-cn_12ee618.pf_index',
      '/pagefind/fragment/*': '/pagefind/fragment/zh-cn_056e08f.pf_fragment',
      '/pagefind/filter/*': '/pagefind/filter/zh-cn_21e1ef3.pf_filter',
    };
    const rules = [...headerRules()].filter(([, h]) => h.has('Cache-Control'));
    expect(rules.map(([pattern]) => pattern).sort()).toEqual(Object.keys(sample).sort());
    for (const [pattern, h] of rules) expect(nginxCacheControl(sample[pattern]), pattern).toBe(h.get('Cache-Control'));
  });
  it('gives the manifest, wasm and Pagefind’s files their types', () => {
    const types = nginxTypes();
    expect(types.get('wasm')).toBe('application/wasm');
    expect(types.get('webmanifest')).toBe('application/manifest+json');
    for (const ext of ['pf_meta', 'pf_index', 'pf_fragment', 'pf_filter', 'pagefind']) expect(types.get(ext), ext).toBe('application/octet-stream');
    expect(types.get('html')).toBe('text/html');
    expect(types.get('js')).toBe('text/javascript');
  });
  it('serves the precompressed files and the 404 page', () => {
    expect(nginxCode).toMatch(/^\s*brotli_static on;/m);
    expect(nginxCode).toMatch(/^\s*gzip_static on;/m);
    expect(nginxCode).toMatch(/^\s*error_page 404 \/404\.html;/m);
    expect(nginxCode).toMatch(/try_files \$uri \$uri\/ =404;/);
  });
});

describe('the nginx configuration the tests run', () => {
  it('fills in the placeholders and keeps everything nginx writes in its folder', () => {
    const site = renderSite(nginx, { root: '/srv/hand book/dist', listen: '127.0.0.1:4411' });
    expect(site).not.toMatch(/__\w+__/);
    expect(site).toContain('root "/srv/hand book/dist";');
    expect(site).toContain('listen 127.0.0.1:4411;');
    const main = mainConfig('/tmp/hb-nginx-x', '/tmp/hb-nginx-x/handbook.conf', false);
    expect(main).toContain(`load_module ${BROTLI_MODULE};`);
    expect(main).toContain('pid "/tmp/hb-nginx-x/nginx.pid";');
    for (const t of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) expect(main).toContain(`${t}_temp_path "/tmp/hb-nginx-x/${t}";`);
    expect(() => renderSite(nginx, { root: 'dist', listen: '80' })).toThrow(/absolute/);
    expect(() => renderSite(nginx, { root: '/srv', listen: '80; evil' })).toThrow(/listen/);
  });
  it('is accepted by nginx -t', (context) => {
    const found = findNginx();
    if ('missing' in found) return context.skip(found.missing);
    const dir = mkdtempSync(path.join(tmpdir(), 'hb-nginx-t-'));
    try {
      writeFileSync(path.join(dir, 'site.conf'), renderSite(nginx, { root: dir, listen: '127.0.0.1:1' }));
      writeFileSync(path.join(dir, 'nginx.conf'), mainConfig(dir, path.join(dir, 'site.conf'), process.getuid?.() === 0));
      const run = spawnSync(found.nginx, ['-t', '-q', '-e', 'stderr', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
