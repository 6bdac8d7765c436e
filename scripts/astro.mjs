#!/usr/bin/env node
// Runs the Astro CLI with the project's settings, from any shell and any Node:
// - with the project's Node 24 when started by an older one (scripts/lib/node.mjs), so
//   `node scripts/astro.mjs build` works as well as `npm run build`;
// - telemetry off;
// - with HB_BUILD_DIR, from a working folder of its own under .astro/builds/ (the project
//   given as --root): when the output is outside the working folder, Astro writes its
//   page-rendering chunks to <working folder>/.astro/.prerender, so builds in different
//   scratch folders (tests, the benchmark) can run side by side instead of overwriting each
//   other's chunks in the project's .astro/. The folder stays inside the project so that
//   the chunks find node_modules.
// `astro build` makes everything: pages, then the build steps of src/integrations/steps.ts
// (link check, search index, PDFs, Word handouts, offline worker).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { projectNode, root } from './lib/node.mjs';

const cli = `${root}node_modules/astro/bin/astro.mjs`;
const nodeBin = projectNode();
if (!existsSync(cli)) {
  console.error('\n✖ Astro is not installed. Run: npm ci\n');
  process.exit(1);
}
const args = process.argv.slice(2);
const buildDir = process.env.HB_BUILD_DIR ? path.resolve(process.env.HB_BUILD_DIR) : undefined;
let cwd = process.cwd();
if (buildDir && args[0] === 'build') {
  cwd = path.join(root, '.astro', 'builds', createHash('sha1').update(buildDir).digest('hex').slice(0, 12));
  mkdirSync(cwd, { recursive: true });
  args.push('--root', root);
}
const result = spawnSync(nodeBin, [cli, ...args], {
  stdio: 'inherit',
  cwd,
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HB_ROOT: root, ...(buildDir ? { HB_BUILD_DIR: buildDir } : {}) },
});
process.exit(result.status ?? 1);
