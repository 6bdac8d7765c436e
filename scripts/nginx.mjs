#!/usr/bin/env node
// Serves the build (dist/, or $HB_BUILD_DIR/dist) with nginx and deploy/nginx.conf, as an
// office deploys it: real headers, precompressed files, the 404 page. Used by the
// end-to-end tests (playwright.config.ts); by hand:
//   node scripts/nginx.mjs [port]      default HB_TEST_PORT (4399), on 127.0.0.1
// Needs Debian's nginx and libnginx-mod-http-brotli-static. Stops on Ctrl-C / SIGTERM.
import { reportFailure, runWithProjectNode } from './lib/node.mjs';

runWithProjectNode(import.meta.url);
const { getConfig } = await import('../src/lib/config.ts');
const { startNginx } = await import('../src/integrations/nginx.ts');

try {
  const { outDir, testPort } = getConfig();
  const port = process.argv[2] ?? String(testPort);
  const server = startNginx({ root: outDir, listen: `127.0.0.1:${port}` });
  console.log(`nginx (deploy/nginx.conf) serves ${outDir} at http://127.0.0.1:${port}/`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Playwright stops the whole process group: nginx may see the signal before this script.
  server.process.on('exit', (code, signal) => {
    if (stopping) return;
    stopping = true;
    server.stop().then(() => {
      if (signal) process.exit(0);
      console.error(`nginx stopped (exit ${code}); its messages are above.`);
      process.exit(code || 1);
    });
  });
} catch (error) {
  reportFailure(error);
}
