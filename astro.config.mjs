// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import path from 'node:path';
import { checklistPlugin } from './src/lib/checklist/markdown-plugin.ts';
import linkCheck from './src/integrations/link-check.ts';

process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
const buildDir = process.env.HB_BUILD_DIR ? path.resolve(process.env.HB_BUILD_DIR) : undefined;

export default defineConfig({
  site: process.env.HB_SITE_URL ?? 'https://handbook.example.org',
  trailingSlash: 'always',
  // HB_BUILD_DIR puts every build output (site, cache, server chunks) in a scratch folder, so
  // tests, the benchmark and parallel work can build other content without touching dist/.
  ...(buildDir
    ? {
        outDir: path.join(buildDir, 'dist'),
        cacheDir: path.join(buildDir, 'cache'),
      }
    : {}),
  build: { format: 'directory', ...(buildDir ? { server: path.join(buildDir, 'server') } : {}) },
  markdown: {
    processor: satteri({ mdastPlugins: [checklistPlugin()] }),
  },
  integrations: [mdx(), sitemap(), linkCheck({ contentDir: path.resolve(process.env.HB_CONTENT_DIR ?? 'content') })],
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
