#!/usr/bin/env node
/**
 * Runs chosen build steps, in the build's order, on an existing build ($HB_BUILD_DIR/dist),
 * each timed into dist/build-report.json as `npm run build` times it:
 *   node scripts/bench/steps.mjs pdf
 *   node scripts/bench/steps.mjs docx,offline,compress
 * The benchmark times "site + search index" with the other steps left out (HB_SKIP_STEPS),
 * then runs them here: each once (`npm run pdf` and `npm run docx` would each re-run the
 * offline and compress steps after them), and the PDF step alone, under its own time limit.
 */
import { runWithProjectNode, reportFailure } from '../lib/node.mjs';

runWithProjectNode(import.meta.url);
const { STEPS, consoleLogger, runStep } = await import('../../src/integrations/steps.ts');
const { getConfig } = await import('../../src/lib/config.ts');

const names = (process.argv[2] ?? '').split(',').filter(Boolean);
const unknown = names.filter((n) => !STEPS.some((s) => s.name === n));
if (!names.length || unknown.length) {
  reportFailure(new Error(`steps.mjs: name the steps to run, of ${STEPS.map((s) => s.name).join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`));
}
const dist = getConfig().outDir;
try {
  for (const step of STEPS.filter((s) => names.includes(s.name))) await runStep(step, { dist, logger: consoleLogger(`hb-${step.name}`) });
} catch (error) {
  reportFailure(error);
}
