// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import path from 'node:path';
import { getConfig } from './src/lib/config.ts';
import { contentPlugins } from './src/lib/markdown/index.ts';
import { withSyntaxErrors } from './src/lib/markdown/syntax-errors.ts';
import { buildSteps } from './src/integrations/steps.ts';

process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
const config = getConfig();

export default defineConfig({
  site: config.site,
  trailingSlash: 'always',
  outDir: config.outDir,
  // HB_BUILD_DIR puts every build output (site, cache, server chunks) in a scratch folder, so
  // tests, the benchmark and parallel work can build other content without touching dist/.
  ...(config.buildDir ? { cacheDir: path.join(config.buildDir, 'cache') } : {}),
  build: { format: 'directory', ...(config.buildDir ? { server: path.join(config.buildDir, 'server') } : {}) },
  markdown: {
    // MDX syntax errors (an unclosed <Callout>) reported to editors in Chinese.
    processor: withSyntaxErrors(satteri({ mdastPlugins: contentPlugins() })),
  },
  // After the pages: link check, search index, PDFs, offline worker, in that order.
  integrations: [mdx(), sitemap(), ...buildSteps()],
  devToolbar: { enabled: false },
  vite: {
    build: {
      // Scripts stay external files (never inlined) so the Content-Security-Policy needs no
      // 'unsafe-inline' and the service worker caches them once for every page.
      assetsInlineLimit: 0,
      rollupOptions: {
        onwarn(warning, warn) {
          // Every MDX module carries a "use astro:head-inject" directive that the bundler
          // reports as MODULE_LEVEL_DIRECTIVE: a known upstream false alarm.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
