import { PAGEFIND_KINDS } from './measure.mjs';
/** Formatting of the benchmark report (scripts/bench/run.mjs): Markdown table and growth lines. */

/** Decimal units (1 kB = 1000 B), as the rest of the README and the byte budgets use. */
export function formatBytes(bytes) {
  if (bytes === undefined || bytes === null || Number.isNaN(bytes)) return '–';
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(bytes < 1e4 ? 1 : 0)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

export function formatMs(ms) {
  if (ms === undefined || ms === null || Number.isNaN(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** The costs whose growth is reported: [key, label, getter, kind]. */
const METRICS = [
  ['build', 'build time (site + search index)', (r) => r.build?.ms, 'ms'],
  ['buildCpu', 'build CPU time', (r) => r.build?.cpuMs, 'ms'],
  ['dist', 'dist/ size (without PDFs)', (r) => r.dist?.bytes, 'bytes'],
  ['index', 'search index size', (r) => r.searchIndex?.bytes, 'bytes'],
  ['chapterHtml', 'chapter page HTML (gz)', (r) => r.chapterPage?.medianPage.html, 'bytes'],
  ['chapterTotal', 'chapter page HTML+CSS+JS (gz)', (r) => r.chapterPage?.medianPage.total, 'bytes'],
  ['topicPage', 'topic page HTML+CSS+JS (gz)', (r) => r.otherPages?.topic?.total, 'bytes'],
  ['firstSearch', 'first search (the typed query), transferred', (r) => r.browser?.search?.firstSearch.transferred, 'bytes'],
  ['firstSearchMax', 'first search, heaviest query of the set', (r) => r.browser?.querySet?.max.transferred, 'bytes'],
  ['pdfTime', 'PDF time (all PDFs)', (r) => r.pdf?.totalMs ?? r.pdf?.stepMs, 'ms'],
  ['pdfCpu', 'PDF CPU time', (r) => r.pdf?.cpuMs ?? r.pdf?.stepCpuMs, 'ms'],
  ['handbookPdf', 'handbook.pdf size', (r) => r.pdf?.handbook?.bytes, 'bytes'],
  ['precache', 'offline precache, sent', (r) => r.offline?.precacheSentBytes, 'bytes'],
];

/**
 * Byte budgets of issues 8 and 19, as tests/e2e/quality.spec.ts, search.spec.ts and
 * tests/unit/search-cost.test.ts check them: a page without a checklist ≤ 20 KiB (HTML + CSS +
 * JS gzip), a checklist adds ≤ 5 KiB of JS; a first search on the real handbook ≤ 100 kB
 * transferred for every query, ≤ 120 kB at 1,000 synthetic chapters. Every synthetic chapter
 * has a checklist, so its budget is 25 KiB.
 */
/** How many searches of a query set transferred more than the synthetic budget. */
const overBudget = (set) => (set.each ?? []).filter((q) => q.transferred > BUDGET.firstSearch).length;

export const BUDGET = { page: 20 * 1024, chapter: 25 * 1024, firstSearch: 120_000, realFirstSearch: 100_000, precache: 3_000_000, pdfMs: 20_000 };
const BUDGET_LABEL = { [BUDGET.page]: '20 KiB', [BUDGET.chapter]: '25 KiB', [BUDGET.firstSearch]: '120 kB', [BUDGET.realFirstSearch]: '100 kB', [BUDGET.precache]: '3 MB' };

/** The offline precache as sent (budgeted) and as stored on the phone. */
function precacheCell(offline, bold = false) {
  const sent = offline.precacheSentBytes === undefined ? '?' : budget(offline.precacheSentBytes, BUDGET.precache);
  return `${bold ? `**${sent}**` : sent} / ${formatBytes(offline.precacheBytes)} (${offline.precacheFiles} files)`;
}
const budget = (bytes, limit) => `${formatBytes(bytes)}${bytes > limit ? ` ⚠ over ${BUDGET_LABEL[limit] ?? formatBytes(limit)}` : ''}`;

const fmt = (kind, v) => (kind === 'ms' ? formatMs(v) : formatBytes(v));

/**
 * For each cost: its value at the smallest and largest N where it was measured, the ratio
 * against the ratio of N, the exponent k of cost ∝ N^k between them, and the cost of each
 * added chapter per step (constant for linear growth, rising for super-linear).
 */
export function growthLines(results) {
  const lines = [];
  for (const [key, label, get, kind] of METRICS) {
    const points = results.map((r) => ({ n: r.n, v: get(r) })).filter((p) => typeof p.v === 'number' && p.v > 0);
    if (points.length < 2) continue;
    const a = points[0];
    const b = points.at(-1);
    const ratio = b.v / a.v;
    const nRatio = b.n / a.n;
    const exponent = Math.log(ratio) / Math.log(nRatio);
    const marginal = points.slice(1).map((p, i) => ({ from: points[i].n, to: p.n, perChapter: (p.v - points[i].v) / (p.n - points[i].n) }));
    const first = marginal[0].perChapter;
    const last = marginal.at(-1).perChapter;
    let verdict;
    if (ratio <= 1.1) verdict = 'about constant';
    else if (marginal.length > 1 && last > 1.5 * first) verdict = 'faster than linear: each added chapter costs more than the one before';
    else if (marginal.length > 1 && last < first / 1.5) verdict = 'slower than linear';
    else if (marginal.length === 1 && exponent > 1.2) verdict = 'faster than linear';
    else if (exponent < 0.8) verdict = 'linear on top of a large fixed part';
    else verdict = 'about linear';
    lines.push({
      key, label, kind, from: a.n, to: b.n, fromValue: a.v, toValue: b.v,
      ratio: Math.round(ratio * 100) / 100, nRatio: Math.round(nRatio * 100) / 100, exponent: Math.round(exponent * 100) / 100,
      marginal: marginal.map((m) => ({ ...m, perChapter: Math.round(m.perChapter * 10) / 10 })), verdict,
    });
  }
  return lines;
}

/** Lines for the report; `∝ N^k` is the exponent between the end points, the per-chapter costs are per step. */
export function growthText(growth) {
  return growth.map((g) => {
    const steps = g.marginal.map((m) => `${m.from}→${m.to}: +${fmt(g.kind, m.perChapter)}/chapter`).join(', ');
    return `- **${g.label}**: ${fmt(g.kind, g.fromValue)} → ${fmt(g.kind, g.toValue)}, ×${g.ratio} for N ×${g.nRatio} (∝ N^${g.exponent}; ${steps}): ${g.verdict}.`;
  });
}

/** Pagefind's files of a first search, per kind: `wasm 52 kB, pf_meta 9.1 kB, …` (bytes transferred). */
export function kindLine(byKind = {}) {
  return PAGEFIND_KINDS.filter((k) => byKind[k]).map((k) => `${k} ${formatBytes(byKind[k].transferred)}${byKind[k].requests > 1 ? ` (${byKind[k].requests})` : ''}`).join(', ');
}

/** Rows of a table of first searches per kind of Pagefind file: one column per search. */
function kindTable(columns) {
  const head = `| transferred (body as sent + headers) | ${columns.map((c) => c.label).join(' | ')} |`;
  const sep = `|---|${columns.map(() => '---:').join('|')}|`;
  const kinds = PAGEFIND_KINDS.filter((k) => columns.some((c) => c.byKind?.[k]));
  const cell = (k) => (c) => (c.byKind?.[k] ? `${formatBytes(c.byKind[k].transferred)}${c.byKind[k].requests > 1 ? ` (${c.byKind[k].requests} files)` : ''}` : '–');
  return [
    head, sep,
    ...kinds.map((k) => `| ${KIND_LABEL[k] ?? k} | ${columns.map(cell(k)).join(' | ')} |`),
    `| **total** | ${columns.map((c) => `**${formatBytes(c.transferred)}** (${c.requests} req.)`).join(' | ')} |`,
  ];
}
const KIND_LABEL = {
  ready: 'ready answer (src/lib/search/ready.ts)', 'pagefind.js': 'pagefind.js', entry: 'pagefind-entry.json', wasm: 'wasm', pf_meta: 'pf_meta (lists every page of the part searched)',
  filters: 'filters (topic and kind in one file; 本地 in an edition)', chunks: 'index chunks', fragments: 'fragments (results shown)', other: 'other',
};

const ms = (v) => (v === undefined ? '–' : `${Math.round(v)} ms`);
const range = (stat, fmt) => (stat.median === undefined ? '–' : stat.min === stat.max ? fmt(stat.median) : `${fmt(stat.median)} (${fmt(stat.min)}–${fmt(stat.max)})`);

/** The Lighthouse table: median (range) over the runs, per page, with the issue's targets. */
export function lighthouseText(lh) {
  const pages = lh.pages;
  const target = (p) => `${p.target}${p.lcpTarget ? `, LCP ≤ ${p.lcpTarget / 1000} s` : ''}`;
  const miss = (p) => (p.score.median < p.target || (p.lcpTarget && p.lcp.median > p.lcpTarget) ? ' ⚠' : '');
  const index = pages.flatMap((p) => p.runs.map((r) => r.benchmarkIndex)).filter(Boolean);
  const loads = pages.flatMap((p) => p.runs.map((r) => r.load)).filter((v) => v !== undefined);
  const errors = pages.flatMap((p) => [...(p.failures ?? []), ...p.runs.filter((r) => r.error).map((r) => r.error)].map((e) => `${p.name}: ${e.split(':')[0]}`));
  return [
    `| page (mobile, ${lh.runs} runs: median (min–max)) | target | performance | LCP | TBT | CLS | FCP |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    ...pages.map((p) => `| ${p.name} \`${decodeURIComponent(p.path)}\` | ${target(p)} | **${range(p.score, String)}**${miss(p)} | ${range(p.lcp, ms)} | ${range(p.tbt, ms)} | ${range(p.cls, String)} | ${range(p.fcp, ms)} |`),
    '',
    `Lighthouse ${lh.version ?? ''} performance category, default mobile settings (simulated slow 4G, CPU ×4). ` +
      `Machine during the runs: Lighthouse benchmarkIndex ${Math.round(Math.min(...index))}–${Math.round(Math.max(...index))}, load average (1 min) ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}. ` +
      'TBT (and through it the score) moves with the machine\'s load: simulated throttling scales the CPU time Chromium observed.' +
      (errors.length ? ` Runs that could not measure and were repeated (or left out): ${errors.join('; ')}.` : ''),
    '',
    ...pages.map((p) => {
      const lcp = p.runs.find((r) => r.lcpElement)?.lcpElement;
      const shifts = [...new Set(p.runs.flatMap((r) => r.shifts ?? []))];
      return `- ${p.name}: largest paint \`${lcp ?? '?'}\`${shifts.length ? `; layout shifts: ${shifts.map((x) => `\`${x}\``).join(', ')}` : ''}`;
    }),
  ];
}

function servers(report) {
  const all = [...(report.real ?? []), ...report.results].map((r) => r.server).filter(Boolean);
  if (!all.length) return 'nginx with deploy/nginx.conf';
  const set = [...new Set(all)];
  return set.map((s) => (s === 'nginx' ? 'nginx with deploy/nginx.conf' : 'the Node static server (no compression: nginx missing)')).join(' or ');
}

/** The real handbook and the example edition: build, later steps, first search over the query set, Lighthouse. */
function realSection(real) {
  const steps = (r) => Object.entries(r.steps ?? {}).filter(([, v]) => v).map(([k, v]) => `${k} ${formatMs(v.ms)}`).join(', ');
  const withSearch = real.filter((r) => r.firstSearch);
  const lh = real.find((r) => r.lighthouse);
  return [
    '## The real handbook and the example edition',
    '',
    '| | build: pages + search index (wall / CPU) | of which search index | later steps (apart) | pages built / indexed | dist/ (without PDFs, .br/.gz) | offline precache (sent / stored) |',
    '|---|---:|---:|---|---:|---:|---:|',
    ...real.map((r) => `| ${r.name} | ${formatMs(r.ms)} / ${formatMs(r.cpuMs)} | ${formatMs(r.indexMs)} | ${[r.pdf && (r.pdf.skipped ? 'PDFs not measured' : `PDFs ${formatMs(r.pdf.totalMs)}${r.pdf.totalMs > BUDGET.pdfMs ? ' ⚠' : ''} (${r.pdf.files} files, ${r.pdf.totalPages} p.)`), steps(r)].filter(Boolean).join(', ')} | ${r.pages} / ${r.indexed ?? '?'} | ${formatBytes(r.dist.bytes)} | ${r.offline ? precacheCell(r.offline) : '–'} |`),
    '',
    ...(withSearch.length ? [
      '### First search over the query set (tests/search/queries.json)',
      '',
      'Each query opened as /search/?q=…: as readers arrive from the header box (a vocabulary term without filters is answered from the build’s ready answer, typed or opened), and with the ready answers blocked, so that every query goes through Pagefind, as a term outside the vocabulary or a search with a filter does.',
      '',
      '| | queries (from ready answers) | median | max (query) | min |',
      '|---|---:|---:|---|---:|',
      ...withSearch.flatMap((r) => [[r.name, r.firstSearch], [`${r.name}, through Pagefind`, r.firstSearchLive]].filter(([, f]) => f).map(([name, f]) =>
        `| ${name} | ${f.queries} (${f.answeredReady ?? 0}) | ${budget(f.median.transferred, BUDGET.realFirstSearch)} | **${budget(f.max.transferred, BUDGET.realFirstSearch)}** (${f.max.label}, ${f.max.requests} req.) | ${formatBytes(f.min.transferred)} (${f.min.label}) |`)),
      '',
      ...kindTable(withSearch.flatMap((r) => [r.firstSearch, r.firstSearchLive].filter(Boolean).flatMap((f) => [
        { ...f.median, label: `${r.key}${f === r.firstSearchLive ? ', Pagefind' : ''}: median (${f.median.label})` },
        { ...f.max, label: `${r.key}${f === r.firstSearchLive ? ', Pagefind' : ''}: max (${f.max.label})` },
      ]))),
      '',
    ] : []),
    ...(lh ? ['### Lighthouse (national handbook, nginx)', '', ...lighthouseText(lh.lighthouse), ''] : []),
  ];
}

export function markdownReport(report) {
  const rs = report.results;
  const head = `| | ${rs.map((r) => `N = ${r.n}`).join(' | ')} |`;
  const sep = `|---|${rs.map(() => '---:').join('|')}|`;
  const row = (label, cell) => `| ${label} | ${rs.map((r) => { try { return cell(r) ?? '–'; } catch { return '–'; } }).join(' | ')} |`;
  const skipped = (s) => (s?.skipped ? 'not measured' : undefined);
  const rows = [
    row('chapters / pages built / indexed', (r) => `${r.n} / ${r.dist.htmlPages} / ${r.indexedPages ?? '?'}`),
    row('corpus (Chinese characters)', (r) => `${(r.corpus.hanChars / 1000).toFixed(0)}k 字, ${formatBytes(r.corpus.bytes)}`),
    row('**build: site + search index**', (r) => `**${formatMs(r.build.ms)}**`),
    row('· astro build / search index', (r) => `${formatMs(r.build.astroMs)} / ${formatMs(r.build.indexMs)}`),
    row('· CPU time (all processes)', (r) => formatMs(r.build.cpuMs)),
    row('· per chapter (wall / CPU)', (r) => `${formatMs(r.build.ms / r.n)} / ${formatMs(r.build.cpuMs / r.n)}`),
    row('**dist/ size** (without PDFs)', (r) => `**${formatBytes(r.dist.bytes)}** (${r.dist.files} files)`),
    row('**search index** (dist/pagefind)', (r) => `**${formatBytes(r.searchIndex.bytes)}** (${r.searchIndex.files} files)`),
    row('**chapter page, gzip: HTML + CSS + JS**', (r) => { const p = r.chapterPage.medianPage; return `**${budget(p.total, BUDGET.chapter)}** = ${formatBytes(p.html)} + ${formatBytes(p.css)} + ${formatBytes(p.js)}`; }),
    row('· page without checklist (/guide/preface/)', (r) => r.otherPages?.front && budget(r.otherPages.front.total, BUDGET.page)),
    row('· topic page (/meetings/, lists its chapters)', (r) => r.otherPages?.topic && budget(r.otherPages.topic.total, BUDGET.page)),
    row('· chapter HTML gzip, min–max', (r) => `${formatBytes(r.chapterPage.htmlGzip.min)}–${formatBytes(r.chapterPage.htmlGzip.max)}`),
    row('· chapter page in Chromium (all requests, transferred)', (r) => skipped(r.browser) ?? `${formatBytes(r.browser.chapter.transferred)} (${r.browser.chapter.requests} req.)`),
    row(`**first search “${report.options.query}” (typed), transferred**`, (r) => skipped(r.browser) ?? `**${budget(r.browser.search.firstSearch.transferred, BUDGET.firstSearch)}** (${r.browser.search.firstSearch.requests} req.)`),
    row('**first search over the query set, from the address: median / max**', (r) => (r.browser?.querySet ? `${formatBytes(r.browser.querySet.median.transferred)} / **${budget(r.browser.querySet.max.transferred, BUDGET.firstSearch)}** (${r.browser.querySet.max.label})` : skipped(r.browser))),
    row('· of which from ready answers; over 120 kB', (r) => (r.browser?.querySet ? `${r.browser.querySet.answeredReady ?? 0}; ${overBudget(r.browser.querySet)}` : skipped(r.browser))),
    row('**the same through Pagefind (ready answers blocked): median / max**', (r) => (r.browser?.querySetLive ? `${formatBytes(r.browser.querySetLive.median.transferred)} / **${budget(r.browser.querySetLive.max.transferred, BUDGET.firstSearch)}** (${r.browser.querySetLive.max.label})` : skipped(r.browser))),
    row('· over 120 kB', (r) => (r.browser?.querySetLive ? String(overBudget(r.browser.querySetLive)) : skipped(r.browser))),
    row(`· “${report.options.query}”: of which wasm / pf_meta / filters`, (r) => skipped(r.browser) ?? ['wasm', 'pf_meta', 'filters'].map((k) => formatBytes(r.browser.search.firstSearch.byKind?.[k]?.transferred)).join(' / ')),
    row('· typing → results visible (informational)', (r) => skipped(r.browser) ?? formatMs(r.browser.search.typingToResultsMs)),
    row('**PDFs: time** (all files)', (r) => skipped(r.pdf) ?? `**${formatMs(r.pdf.totalMs)}**${r.pdf.totalMs > BUDGET.pdfMs ? ' ⚠ over 20 s' : ''} (${r.pdf.files} files)`),
    row('· handbook.pdf: size, pages', (r) => skipped(r.pdf) ?? `${formatBytes(r.pdf.handbook?.bytes)}, ${r.pdf.handbook?.pages} p.`),
    row('· handbook.pdf: bytes/page', (r) => skipped(r.pdf) ?? formatBytes(r.pdf.handbook?.bytesPerPage)),
    row('· all PDFs: size, pages', (r) => skipped(r.pdf) ?? `${formatBytes(r.pdf.totalBytes)}, ${r.pdf.totalPages} p.`),
    row('· PDFs: CPU time (PDF step + Chromium)', (r) => skipped(r.pdf) ?? formatMs(r.pdf.cpuMs ?? r.pdf.stepCpuMs)),
    row('Word handouts (docx step)', (r) => formatMs(r.docx?.ms)),
    row('compressed copies (compress step: wall / CPU)', (r) => r.compress ? `${formatMs(r.compress.ms)} / ${formatMs(r.compress.cpuMs)} (${r.compress.files} files)` : '–'),
    row('**offline precache** (sent / stored)', (r) => precacheCell(r.offline, true)),
    row('machine load average (1 min) before / after', (r) => `${r.loadAverage.before.toFixed(1)} / ${r.loadAverage.after.toFixed(1)}`),
  ];
  const m = report.machine;
  const notes = [...new Set([...(report.real ?? []), ...rs].flatMap((r) => r.notes ?? []))];
  const pdfSkipped = report.chromium?.missing ? [] : rs.filter((r) => r.pdf?.skipped).map((r) => `N=${r.n}: PDFs ${r.pdf.skipped.replace(/^PDF step /, '')}`);
  return [
    '# Benchmark report',
    '',
    `${report.generatedAt} · ${m.cpus} × ${m.cpuModel ?? 'CPU'}, ${m.memGiB} GiB, Node ${m.node} · seed \`${report.options.seed}\` · ${report.options.runs} build run(s) per N (median) · first-search query “${report.options.query}”`,
    '',
    ...(rs.length ? [head, sep, ...rows, ''] : []),
    ...(report.real?.length ? realSection(report.real) : []),
    ...(rs.some((r) => r.browser?.search) ? [
      `## First search per kind of Pagefind file (synthetic)`,
      '',
      `“${report.options.query}”, typed into the box on /search/ (a vocabulary term: Pagefind's script, wasm, pf_meta and filter file load when the box gets focus, the results come from the ready answer):`,
      '',
      ...kindTable(rs.filter((r) => r.browser?.search).map((r) => ({ ...r.browser.search.firstSearch, label: `N = ${r.n}` }))),
      '',
      ...(rs.some((r) => r.browser?.querySet) ? [
        'The heaviest search of the query set (tests/search/queries.json, opened as /search/?q=…; then with the ready answers blocked, through Pagefind):',
        '',
        ...kindTable(rs.filter((r) => r.browser?.querySet).map((r) => ({ ...r.browser.querySet.max, label: `N = ${r.n}: ${r.browser.querySet.max.label}` }))),
        '',
        ...kindTable(rs.filter((r) => r.browser?.querySetLive).map((r) => ({ ...r.browser.querySetLive.max, label: `N = ${r.n}: ${r.browser.querySetLive.max.label}` }))),
        '',
      ] : []),
    ] : []),
    '## Growth from the smallest to the largest N',
    '',
    ...(report.growth?.length ? growthText(report.growth) : ['(Only one size measured: nothing to compare. Run with two or more sizes, e.g. --sizes 60,500.)']),
    '',
    ...(pdfSkipped.length || notes.length || report.chromium?.missing
      ? ['## Notes', '', ...(report.chromium?.missing ? [`- ${report.chromium.missing}: browser measurements and PDFs skipped.`] : []), ...pdfSkipped.map((s) => `- ${s}`), ...notes.map((s) => `- ${s}`), '']
      : []),
    'Times are wall-clock on a shared machine and vary between runs; CPU time and bytes are steadier. ' +
      'Chapter page: the chapter with the median gzipped HTML, plus the stylesheets and scripts it loads on opening (static imports followed; each file gzipped once). ' +
      `Browser figures: the build served by ${servers(report)}, Chromium with service workers blocked; “transferred” is what the network carried: each response body as sent (Brotli where the build wrote a .br copy) plus its headers (Playwright's request.sizes()). ` +
      'First search: the Pagefind files (script, wasm, metadata, filters, index chunks, result fragments), or the build’s ready answer for a vocabulary term without a filter (src/lib/search/ready.ts), fetched in a fresh browser context from typing the query on /search/ (the typed query) or opening its /search/?q=… address (the query set; then again with the ready answers blocked, as a term outside the vocabulary or a search with a filter goes) until the results showed and the network went quiet. ' +
      `Budgets (⚠ marks a figure over it): page without checklist ≤ 20 KiB, chapter with checklist ≤ 25 KiB (20 KiB + 5 KiB of JS), first search ≤ 100 kB on the real handbook for every query and ≤ 120 kB at 1,000 synthetic chapters (issues 8 and 19; the tests check all but the 1,000-chapter one, which only this benchmark measures); Lighthouse mobile performance ≥ 95 with LCP ≤ 1.5 s for /search/?q=…, ≥ 98 for the other pages (issue 19); all PDFs ≤ 20 s (src/integrations/pdf); offline precache ≤ 3 MB as sent (issue 7: the download after a first visit; “stored” is its size on the phone, uncompressed).`,
    '',
  ].join('\n');
}
