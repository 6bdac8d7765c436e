// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { checklistPlugin } from './src/lib/checklist/markdown-plugin.ts';

process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

export default defineConfig({
  site: process.env.HB_SITE_URL ?? 'https://handbook.example.org',
  trailingSlash: 'always',
  // Separate caches let tests build fixture content without touching the real build's cache.
  ...(process.env.HB_CACHE_DIR ? { cacheDir: process.env.HB_CACHE_DIR } : {}),
  build: { format: 'directory' },
  // Pages are small; one stylesheet per page avoids a render-blocking request on poor networks.
  // (Astro inlines stylesheets below this size.)
  markdown: {
    processor: satteri({ mdastPlugins: [checklistPlugin()] }),
  },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  vite: {
    build: {
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
