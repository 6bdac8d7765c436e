#!/usr/bin/env node
// After `npm ci`: one line saying what was installed and which Node the project runs on,
// so the install ends with what matters. npm's own warnings are hidden by .npmrc
// (loglevel=error): on the system Node 20 they are ~50 lines of EBADENGINE about packages
// that need Node >= 22, which the project never runs them on (it brings Node 24).
// Runs with whatever `node` npm finds first: the bundled one when it installed, so keep
// this file plain JavaScript that Node 20 can run too.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recentEnough } from './lib/node.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundledPath = `${root}node_modules/node/bin/node`;
const version = (bin) => (existsSync(bin) || !bin.includes('/') ? spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.trim() : undefined);
// The Node running npm (the system's), not the one running this script.
const system = /node\/(v[\d.]+)/.exec(process.env.npm_config_user_agent ?? '')?.[1] ?? version(process.env.npm_node_execpath ?? 'node');
const bundled = version(bundledPath);

if (bundled && recentEnough(bundled)) {
  if (system && !recentEnough(system)) {
    console.log(`✔ Installed. The system's Node ${system} is too old for Astro 7; every npm run … / npx … here uses the project's own Node ${bundled} (node_modules/node).`);
    console.log("  npm's warnings about packages that need Node >= 22 are expected, and hidden by .npmrc (npm ci --loglevel=warn shows them).");
  } else {
    console.log(`✔ Installed. npm run … / npx … here use the project's own Node ${bundled} (node_modules/node).`);
  }
} else if (system && recentEnough(system)) {
  console.log(`✔ Installed. The project runs on the system's Node ${system}.`);
} else {
  console.error(
    `✖ The project's own Node (devDependency "node") did not install, and the system's Node ${system ?? ''} is too old\n` +
      '  for Astro 7 (needs >= 22.12). Run npm ci again (without --ignore-scripts), or install Node 22.12 or later.',
  );
  process.exit(1);
}
