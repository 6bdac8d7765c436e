/**
 * Reading `npm audit --json` (npm 11, audit report version 2). Pure functions, used by
 * scripts/audit.mjs and unit-tested in tests/unit/audit-report.test.ts.
 */

/** Severities that fail the gate (issue 8: no high or critical issues). */
export const FAILING = /** @type {const} */ (['high', 'critical']);

/**
 * @typedef {{ package: string, severity: string, range: string, advisories: { title: string, url: string, severity: string }[], fix: string }} Finding
 * @typedef {{ status: 'clean', counts: Record<string, number>, dependencies: number, below: Finding[] }
 *   | { status: 'vulnerable', counts: Record<string, number>, dependencies: number, findings: Finding[], below: Finding[] }
 *   | { status: 'unavailable', reason: string }} AuditVerdict
 */

/**
 * @param {string} stdout what `npm audit --json` printed
 * @returns {AuditVerdict}
 */
export function readAudit(stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    const first = stdout.trim().split('\n')[0] ?? '';
    return { status: 'unavailable', reason: `npm audit printed no JSON report${first ? `: ${first.slice(0, 200)}` : ''}` };
  }
  const counts = report?.metadata?.vulnerabilities;
  if (report?.auditReportVersion !== 2 || !counts || typeof report.vulnerabilities !== 'object') {
    return { status: 'unavailable', reason: describeError(report) };
  }
  const all = Object.values(report.vulnerabilities ?? {}).map(toFinding);
  const failing = all.filter((f) => FAILING.includes(/** @type {any} */ (f.severity)));
  const below = all.filter((f) => !failing.includes(f));
  const dependencies = Number(report.metadata.dependencies?.prod ?? report.metadata.dependencies?.total ?? 0);
  return failing.length
    ? { status: 'vulnerable', counts, dependencies, findings: failing, below }
    : { status: 'clean', counts, dependencies, below };
}

/** @param {any} v one entry of `vulnerabilities` */
function toFinding(v) {
  const advisories = (Array.isArray(v.via) ? v.via : [])
    .filter((x) => x && typeof x === 'object')
    .map((x) => ({ title: String(x.title ?? ''), url: String(x.url ?? ''), severity: String(x.severity ?? '') }));
  const through = (Array.isArray(v.via) ? v.via : []).filter((x) => typeof x === 'string');
  const fix = v.fixAvailable === true
    ? 'npm audit fix'
    : v.fixAvailable && typeof v.fixAvailable === 'object'
      ? `${v.fixAvailable.name}@${v.fixAvailable.version}${v.fixAvailable.isSemVerMajor ? ' (major upgrade)' : ''}`
      : 'no fix published';
  return {
    package: String(v.name),
    severity: String(v.severity),
    range: String(v.range ?? ''),
    advisories: advisories.length ? advisories : through.map((name) => ({ title: `through ${name}`, url: '', severity: String(v.severity) })),
    fix,
  };
}

/** @param {any} report */
function describeError(report) {
  if (!report || typeof report !== 'object') return 'npm audit returned no report';
  const status = report.statusCode ? `HTTP ${report.statusCode}` : report.error?.code ?? '';
  const text = report.message || report.error?.summary || report.error?.detail || 'the audit endpoint returned an error';
  return [status, text].filter(Boolean).join(': ');
}

/**
 * Human-readable lines for the console.
 * @param {AuditVerdict} verdict
 */
export function formatAudit(verdict) {
  if (verdict.status === 'unavailable') return [`npm audit could not run: ${verdict.reason}`];
  const c = verdict.counts;
  const lines = [
    `npm audit (runtime dependencies${verdict.dependencies ? `, ${verdict.dependencies} packages` : ''}): ` +
      `${c.critical ?? 0} critical, ${c.high ?? 0} high, ${c.moderate ?? 0} moderate, ${c.low ?? 0} low`,
  ];
  const list = (/** @type {Finding[]} */ findings) => {
    for (const f of findings) {
      lines.push(`  ${f.severity.toUpperCase()} ${f.package} ${f.range} — fix: ${f.fix}`);
      for (const a of f.advisories) lines.push(`      ${a.title}${a.url ? ` ${a.url}` : ''}`);
    }
  };
  if (verdict.status === 'vulnerable') list(verdict.findings);
  if (verdict.below.length) {
    lines.push('  below the gate (moderate/low), for information:');
    list(verdict.below);
  }
  return lines;
}
