/**
 * A tiny static file server for the built site, on 127.0.0.1 and a port the system picks.
 * src/integrations/pdf/index.ts prints the print pages from it; `astro preview` is not needed (it keeps a
 * lock and can outlive its parent). Serves files only from `root`; `/a/` → `/a/index.html`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Map a URL path to a file under root, or undefined (outside root, or missing). */
export async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return undefined;
  }
  const file = path.join(root, path.normalize(decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  if (decoded.endsWith('/')) return (await isFile(path.join(file, 'index.html'))) ? path.join(file, 'index.html') : undefined;
  if (await isFile(file)) return file;
  if (await isFile(path.join(file, 'index.html'))) return path.join(file, 'index.html');
  return undefined;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Start serving `root` on 127.0.0.1 and a free port. */
export function serveStatic(root: string): Promise<StaticServer> {
  const base = path.resolve(root);
  const server = createServer(async (req, res) => {
    const file = req.method === 'GET' || req.method === 'HEAD' ? await resolveFile(base, req.url ?? '/') : undefined;
    const target = file ?? (await resolveFile(base, '/404.html'));
    res.statusCode = file ? 200 : 404;
    res.setHeader('Content-Type', TYPES[path.extname(target ?? '.txt')] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-store');
    if (!target || req.method === 'HEAD') return res.end(target ? undefined : 'Not found');
    createReadStream(target).on('error', () => res.destroy()).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}
