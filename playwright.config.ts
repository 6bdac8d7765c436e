import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './src/integrations/chromium.ts';
import { findNginx } from './src/integrations/nginx.ts';
import { getConfig } from './src/lib/config.ts';

/**
 * End-to-end tests run against the built site served by nginx with deploy/nginx.conf, the
 * configuration an office deploys (scripts/nginx.mjs starts it on 127.0.0.1 and stops it
 * afterwards): what is tested is what readers get, headers and precompressed files included.
 * Where nginx cannot be installed, HB_TEST_SERVER=preview serves the build with
 * `astro preview` instead (tests/e2e/hosting.spec.ts is then skipped).
 * Browser: Debian's Chromium (Playwright's own download does not work on this machine
 * kind). Override with CHROMIUM_PATH.
 */
const { testPort: port, testServer } = getConfig();

if (testServer === 'nginx') {
  const found = findNginx();
  if ('missing' in found) {
    throw new Error(
      `The end-to-end tests serve the build with nginx (deploy/nginx.conf), and ${found.missing}\n` +
        '(Or set HB_TEST_SERVER=preview to test with astro preview, without the server\'s headers and precompressed files.)',
    );
  }
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    locale: 'zh-CN',
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
  ],
  // Serves the existing build; `npm test` builds first.
  webServer:
    testServer === 'nginx'
      ? {
          command: `node scripts/nginx.mjs ${port}`,
          url: `http://127.0.0.1:${port}/`,
          reuseExistingServer: false,
          timeout: 30_000,
          // SIGTERM lets the script remove nginx's temp folder.
          gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
        }
      : {
          command: `node scripts/astro.mjs preview --ignore-lock --host 127.0.0.1 --port ${port}`,
          url: `http://127.0.0.1:${port}/`,
          reuseExistingServer: false,
          timeout: 60_000,
        },
});
