/**
 * The build steps after Astro has written the pages, in the order they run, as Astro
 * integrations on `astro:build:done` (with the hook's `dir` and a forked `logger`). So one
 * `astro build` makes everything, and a step can still be run again alone:
 * `runFrom('pdf')` (npm run pdf) re-runs the PDF step and every step that reads its output
 * (the offline worker fingerprints the HTML the PDF step rewrites; the precompressed copies
 * are made last, after anything that writes files).
 *
 * Each step records its wall and CPU time in dist/build-report.json (read by the benchmark),
 * with whatever figures it returns.
 * Steps listed in HB_SKIP_STEPS (config.ts) are left out of a build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { getConfig, type BuildStepName } from '../lib/config.ts';
import { linkCheck } from './link-check.ts';
import { searchIndex } from './search-index.ts';
import { makePdfs } from './pdf/index.ts';
import { makeDocx } from './docx/index.ts';
import { offline } from './offline.ts';
import { compress } from './compress.ts';

/** What a step needs: the built site and somewhere to report. */
export interface StepContext {
  /** The built site (absolute path). */
  dist: string;
  logger: StepLogger;
}

export type StepLogger = Pick<AstroIntegrationLogger, 'info' | 'warn' | 'error'>;

export interface BuildStep {
  name: BuildStepName;
  /** Steps whose output this one reads: re-running one of them re-runs this one. */
  after: BuildStepName[];
  /** May return figures for dist/build-report.json (beside the step's time). */
  run(context: StepContext): Promise<void | object>;
}

/** In running order. */
export const STEPS: BuildStep[] = [
  { name: 'link-check', after: [], run: linkCheck },
  { name: 'search-index', after: [], run: searchIndex },
  { name: 'pdf', after: [], run: makePdfs },
  { name: 'docx', after: [], run: makeDocx },
  { name: 'offline', after: ['search-index', 'pdf', 'docx'], run: offline },
  // Every step writes files the server may send compressed: re-running any re-compresses.
  { name: 'compress', after: ['link-check', 'search-index', 'pdf', 'docx', 'offline'], run: compress },
];

const REPORT = 'build-report.json';

/** CPU time of this process and its children so far (ms): a cost that ignores other load. */
function cpuMs(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    // utime + stime of waited-for children (Chromium, Pagefind's binary), Linux only.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    children = (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    children = 0;
  }
  return Math.round((own.user + own.system) / 1000) + children;
}

export async function runStep(step: BuildStep, context: StepContext): Promise<void> {
  const started = performance.now();
  const cpu = cpuMs();
  const figures = await step.run(context);
  const file = path.join(context.dist, REPORT);
  let report: Record<string, { ms: number; cpuMs: number }> = {};
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    report = {};
  }
  report[step.name] = { ...(figures ?? {}), ms: Math.round(performance.now() - started), cpuMs: cpuMs() - cpu };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

/** The Astro integrations, one per step, in order (astro.config.mjs). */
export function buildSteps(): AstroIntegration[] {
  const { skipSteps } = getConfig();
  return STEPS.filter((step) => !skipSteps.has(step.name)).map((step) => ({
    name: `hb-${step.name}`,
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await runStep(step, { dist: fileURLToPath(dir), logger });
      },
    },
  }));
}

/** `name` and every step that (directly or not) reads its output, in running order. */
export function stepsFrom(name: BuildStepName): BuildStep[] {
  const chosen = new Set<BuildStepName>([name]);
  for (const step of STEPS) if (step.after.some((n) => chosen.has(n))) chosen.add(step.name);
  return STEPS.filter((step) => chosen.has(step.name));
}

export const consoleLogger = (label: string): StepLogger => ({
  info: (message) => console.log(`[${label}] ${message}`),
  warn: (message) => console.warn(`[${label}] ${message}`),
  error: (message) => console.error(`[${label}] ${message}`),
});

/** Re-runs a step on an existing build, then what depends on it (the scripts in scripts/). */
export async function runFrom(name: BuildStepName, dist: string = getConfig().outDir): Promise<void> {
  for (const step of stepsFrom(name)) await runStep(step, { dist, logger: consoleLogger(`hb-${step.name}`) });
}
