/**
 * Astro 7 and the build steps (TypeScript, run by Node's type stripping) need Node >= 22.12.
 * The project ships Node 24 as the `node` devDependency; `npm run …` puts it first on the
 * PATH. When a script is started by an older Node (the system Node 20 of our machines),
 * `runWithProjectNode()` starts it again with the bundled Node and exits with its status.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const bundledNode = `${root}node_modules/node/bin/node`;

export function recentEnough(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/** The Node to run project code with: this one if recent enough, else the bundled one. */
export function projectNode() {
  if (recentEnough(process.versions.node)) return process.execPath;
  const bundled = existsSync(bundledNode) && spawnSync(bundledNode, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (!bundled || !recentEnough(bundled)) {
    console.error(
      `\n✖ Node ${process.versions.node} is too old for this project (needs >= 22.12), and the project's\n` +
        `  bundled Node (devDependency "node") is not installed. Run: npm ci   (without --ignore-scripts)\n`,
    );
    process.exit(1);
  }
  return bundledNode;
}

/** Re-run `script` (this script's path) with the project's Node when this one is too old. */
export function runWithProjectNode(script) {
  const node = projectNode();
  if (node === process.execPath) return;
  const result = spawnSync(node, [fileURLToPath(script), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

/** Print a build step's failure the way Astro prints its errors: message, then the hint. */
export function reportFailure(error) {
  console.error(`\n✖ ${error?.message ?? error}`);
  if (error?.hint) console.error(`  ${String(error.hint).replace(/\n/g, '\n  ')}`);
  if (!error?.hint && error?.stack && process.env.HB_DEBUG) console.error(error.stack);
  process.exit(1);
}
