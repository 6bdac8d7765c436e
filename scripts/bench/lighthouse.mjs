/**
 * Lighthouse's performance category (mobile defaults: a mid-range phone on a slow 4G
 * connection, simulated) on the page types readers wait for, for scripts/bench/run.mjs and
 * tests/e2e/lighthouse.spec.ts. Debian's Chromium is started by chrome-launcher (the
 * launcher Lighthouse is made for), a fresh one for each run, with the project's flags
 * (src/integrations/chromium.ts) and the new headless mode.
 *
 * Simulated throttling replays the page's observed network and CPU work on a model phone:
 * CPU time is multiplied by 4, so a loaded machine (others building in parallel) raises
 * Total Blocking Time and, through it, the score. Layout shift does not depend on load.
 * Runs alternate between pages, so a burst of load is shared rather than hitting one page.
 */
import os from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../../src/integrations/chromium.ts';

/** The page types of issue 19, each with its target mobile performance score (0–100). */
export const LIGHTHOUSE_PAGES = [
  { name: 'home', path: '/', target: 98 },
  { name: 'chapter', path: '/meetings/attendance/', target: 98 },
  { name: 'search', path: `/search/?${new URLSearchParams({ q: '留痕' })}`, target: 95, lcpTarget: 1500 },
  { name: 'preparation sheet', path: '/prepare/meetings/before/', target: 98 },
  { name: 'print page', path: '/print/meetings/', target: 98 },
];

const AUDITS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : undefined;
};

/**
 * @typedef {object} LighthouseRun
 * @property {string} [version] Lighthouse's version
 * @property {number} [benchmarkIndex] Lighthouse's measure of the machine's speed during the run
 * @property {number} load the machine's 1-minute load average at the end of the run
 * @property {string} [error] why the run could not measure; then there are no figures
 * @property {number} [score] performance score, 0–100
 * @property {number} [fcp] First Contentful Paint, ms (simulated)
 * @property {number} [lcp] Largest Contentful Paint, ms (simulated)
 * @property {number} [tbt] Total Blocking Time, ms (simulated)
 * @property {number} [cls] Cumulative Layout Shift
 * @property {number} [si] Speed Index, ms (simulated)
 * @property {string} [lcpElement] the element that painted last
 * @property {string[]} [shifts] the elements that moved, with their share of the shift
 */

/**
 * One Lighthouse run of `url` in a fresh Chromium: score (0–100) and the metrics (ms; CLS unitless).
 * @param {string} url
 * @param {{ executablePath?: string }} [options]
 * @returns {Promise<LighthouseRun>}
 */
export async function lighthouseOnce(url, { executablePath = chromiumPath } = {}) {
  const chrome = await chromeLauncher.launch({
    chromePath: executablePath,
    chromeFlags: ['--headless=new', ...chromiumArgs, '--no-sandbox'].filter((f, i, all) => all.indexOf(f) === i),
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'],
      // Pictures and the back/forward-cache check are not part of the score; leaving them out saves ~2 s a run.
      disableFullPageScreenshot: true, skipAudits: ['bf-cache', 'screenshot-thumbnails', 'final-screenshot'],
    });
    const { lhr } = result;
    /** @type {LighthouseRun} */
    const run = { version: lhr.lighthouseVersion, benchmarkIndex: lhr.environment?.benchmarkIndex, load: os.loadavg()[0] };
    if (lhr.runtimeError) {
      // A run that could not measure (e.g. no paint within the time limit on a busy machine): no figures.
      run.error = `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`.slice(0, 300);
      return run;
    }
    run.score = Math.round(lhr.categories.performance.score * 100);
    for (const [key, id] of Object.entries(AUDITS)) run[key] = lhr.audits[id]?.numericValue;
    run.cls = Math.round(run.cls * 1000) / 1000;
    for (const key of ['fcp', 'lcp', 'tbt', 'si']) run[key] = Math.round(run[key]);
    // What to look at when a figure is off: the element that painted last, and what moved.
    const lcpNode = lhr.audits['lcp-breakdown-insight']?.details?.items?.find((i) => i.type === 'node');
    if (lcpNode) run.lcpElement = `${lcpNode.selector} “${(lcpNode.nodeLabel ?? '').slice(0, 24)}…”`;
    run.shifts = (lhr.audits['layout-shifts']?.details?.items ?? []).filter((i) => i.node).map((i) => `${i.node.selector} (${Math.round(i.score * 1000) / 1000})`).slice(0, 3);
    if (lhr.runWarnings?.length) run.warnings = lhr.runWarnings;
    return run;
  } finally {
    await chrome.kill();
  }
}

/**
 * `runs` Lighthouse runs of each page at `baseUrl`, alternating pages. Per page: every run,
 * and the median and range of each figure.
 */
export async function lighthouseRuns({ baseUrl, pages = LIGHTHOUSE_PAGES, runs = 3, executablePath, onRun = () => {} }) {
  const perPage = pages.map((p) => ({ ...p, runs: [] }));
  for (let r = 0; r < runs; r++) {
    for (const page of perPage) {
      // A run that could not measure (Lighthouse asks to "run again", e.g. NO_NAVSTART on a busy
      // machine) is repeated, up to twice; the failures are kept in the report.
      let run = await lighthouseOnce(baseUrl + page.path, { executablePath });
      for (let retry = 0; run.error && retry < 2; retry++) {
        onRun(page, run, r);
        page.failures = [...(page.failures ?? []), run.error];
        run = await lighthouseOnce(baseUrl + page.path, { executablePath });
      }
      page.runs.push(run);
      onRun(page, run, r);
    }
  }
  return perPage.map((page) => {
    const stats = {};
    for (const key of ['score', ...Object.keys(AUDITS)]) {
      const values = page.runs.map((r) => r[key]).filter((v) => typeof v === 'number');
      stats[key] = values.length ? { median: median(values), min: Math.min(...values), max: Math.max(...values) } : {};
    }
    return { ...page, ...stats, benchmarkIndex: median(page.runs.map((r) => r.benchmarkIndex).filter(Boolean)) };
  });
}

/** One line per run, for the console. */
export function runLine(page, run) {
  if (run.error) return `${page.name.padEnd(18)} failed: ${run.error}`;
  return `${page.name.padEnd(18)} score ${run.score}  LCP ${run.lcp} ms  TBT ${run.tbt} ms  CLS ${run.cls}  FCP ${run.fcp} ms  (benchmarkIndex ${Math.round(run.benchmarkIndex ?? 0)}, load ${run.load.toFixed(1)})`;
}
