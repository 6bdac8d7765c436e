import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './src/integrations/chromium.ts';
import { getConfig } from './src/lib/config.ts';

/**
 * End-to-end tests run against the built site served by `astro preview`.
 * Browser: Debian's Chromium (Playwright's own download does not work on this machine
 * kind). Override with CHROMIUM_PATH.
 */
const port = getConfig().testPort;

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
  webServer: {
    // Serves the existing build; `npm test` builds first.
    command: `node scripts/astro.mjs preview --ignore-lock --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
