/**
 * Serving a build for the benchmark's browser measurements, as readers get it: nginx with
 * deploy/nginx.conf (src/integrations/nginx.ts, the same server the end-to-end tests use:
 * precompressed .br/.gz files, real headers). Where nginx or its Brotli module is missing,
 * the plain Node static server (no compression) stands in, and the result says so: its
 * byte figures are then uncompressed bodies, larger than what a reader downloads.
 */
import { createServer } from 'node:net';
import { findNginx, startNginx } from '../../src/integrations/nginx.ts';
import { serveStatic } from '../../src/integrations/static-server.ts';

/** A free TCP port on 127.0.0.1 (the system picks; nginx needs a number). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers (nginx starts in the background). */
async function waitFor(url, child, timeoutMs = 15_000) {
  const start = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`nginx exited (${child.exitCode ?? child.signalCode}) before serving ${url}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      return;
    } catch {
      if (Date.now() - start > timeoutMs) throw new Error(`nginx did not answer at ${url} within ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Serves `dist` on 127.0.0.1: { url, server: 'nginx' | 'static', note?, close() }.
 * `note` explains a fallback, for the report.
 */
export async function serveBuild(dist) {
  const found = findNginx();
  if (!('missing' in found)) {
    const port = await freePort();
    const nginx = startNginx({ root: dist, listen: `127.0.0.1:${port}` });
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitFor(`${url}/`, nginx.process);
    } catch (error) {
      await nginx.stop();
      throw error;
    }
    return { url, server: 'nginx', close: () => nginx.stop() };
  }
  const server = await serveStatic(dist);
  return {
    url: server.url,
    server: 'static',
    note: `served by the Node static server, not nginx (${found.missing}): byte figures are uncompressed bodies, not what readers download`,
    close: () => server.close(),
  };
}
