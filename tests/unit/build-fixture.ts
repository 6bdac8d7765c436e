/**
 * A real build of a fixture content folder (tests/fixtures/…) in a scratch folder, for tests
 * of what an editor sees when the build stops. Only `astro build` and the steps asked for
 * run (the PDF and offline steps are left out unless `steps` names them).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILD_STEPS } from '../../src/lib/config';

const root = path.resolve(import.meta.dirname, '../..');

export interface FixtureBuild {
  status: number | null;
  /** stdout and stderr together, without colours. */
  output: string;
  /** The built site. */
  dist: string;
}

export function buildFixture(contentDir: string, { steps = ['link-check'], env = {} }: { steps?: string[]; env?: Record<string, string> } = {}): FixtureBuild {
  const buildDir = mkdtempSync(path.join(tmpdir(), 'hb-fixture-build-'));
  const skip = BUILD_STEPS.filter((s) => !steps.includes(s)).join(',');
  const result = spawnSync(process.execPath, ['scripts/astro.mjs', 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, HB_CONTENT_DIR: contentDir, HB_BUILD_DIR: buildDir, HB_SKIP_STEPS: skip, NO_COLOR: '1', ...env },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, dist: path.join(buildDir, 'dist') };
}
