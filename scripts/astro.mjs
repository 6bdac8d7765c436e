#!/usr/bin/env node
// Runs the Astro CLI with the project's settings, from any shell and any Node:
// - with the project's Node 24 when started by an older one (scripts/lib/node.mjs), so
//   `node scripts/astro.mjs build` works as well as `npm run build`;
// - telemetry off.
// `astro build` makes everything: pages, then the build steps of src/integrations/steps.ts
// (link check, search index, PDFs, offline worker).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { projectNode, root } from './lib/node.mjs';

const cli = `${root}node_modules/astro/bin/astro.mjs`;
const nodeBin = projectNode();
if (!existsSync(cli)) {
  console.error('\n✖ Astro is not installed. Run: npm ci\n');
  process.exit(1);
}
const result = spawnSync(nodeBin, [cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
process.exit(result.status ?? 1);
