#!/usr/bin/env node
// Runs the Astro CLI with the project's settings, from any shell and any Node:
// - Astro 7 needs Node >= 22.12. The project ships Node 24 as the `node` devDependency;
//   when this script is started by an older Node (the system Node 20 of our machines),
//   it runs Astro with that bundled Node instead, so `node scripts/astro.mjs build`
//   works as well as `npm run build`.
// - Telemetry is off.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}node_modules/astro/bin/astro.mjs`;
const bundledNode = `${root}node_modules/node/bin/node`;

function recentEnough(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

let nodeBin = process.execPath;
if (!recentEnough(process.versions.node)) {
  const bundled = existsSync(bundledNode) && spawnSync(bundledNode, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (!bundled || !recentEnough(bundled)) {
    console.error(
      `\n✖ Node ${process.versions.node} is too old for Astro 7 (needs >= 22.12), and the project's\n` +
        `  bundled Node (devDependency "node") is not installed. Run: npm ci   (without --ignore-scripts)\n`,
    );
    process.exit(1);
  }
  nodeBin = bundledNode;
}

if (!existsSync(cli)) {
  console.error('\n✖ Astro is not installed. Run: npm ci\n');
  process.exit(1);
}

const result = spawnSync(nodeBin, [cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
process.exit(result.status ?? 1);
