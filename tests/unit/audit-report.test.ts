import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAudit, readAudit } from '../../scripts/audit-report.mjs';

const dir = path.resolve(import.meta.dirname, '../fixtures/audit');
const fixture = (name: string) => readFileSync(path.join(dir, name), 'utf8');

/** Runs scripts/audit.mjs with a stand-in npm that prints the saved report. */
function audit(report: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../scripts/audit.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, npm_execpath: path.join(dir, 'fake-npm.mjs'), HB_FAKE_AUDIT: path.join(dir, report) },
  });
  return { code: run.status, out: run.stdout + run.stderr };
}

describe('npm audit gate (issue 8)', () => {
  it('passes a clean report', () => {
    const verdict = readAudit(fixture('clean.json'));
    expect(verdict.status).toBe('clean');
    const { code, out } = audit('clean.json');
    expect(code).toBe(0);
    expect(out).toContain('0 critical, 0 high');
  });

  it('fails on high findings, naming the package, the advisory and the fix', () => {
    const verdict = readAudit(fixture('vulnerable.json'));
    expect(verdict.status).toBe('vulnerable');
    if (verdict.status !== 'vulnerable') return;
    expect(verdict.findings.map((f) => f.package).sort()).toEqual(['astro', 'devalue']);
    expect(verdict.below.map((f) => f.package)).toEqual(['yaml']);
    const { code, out } = audit('vulnerable.json', '--allow-unavailable');
    expect(code).toBe(1);
    expect(out).toContain('HIGH devalue <5.3.2 — fix: npm audit fix');
    expect(out).toContain('https://github.com/advisories/GHSA-xxxx-yyyy-zzzz');
    expect(out).toContain('HIGH astro 7.0.0 - 7.3.4 — fix: astro@7.3.5');
  });

  it('does not fail on moderate findings alone', () => {
    const report = JSON.parse(fixture('vulnerable.json'));
    delete report.vulnerabilities.devalue;
    delete report.vulnerabilities.astro;
    report.metadata.vulnerabilities = { info: 0, low: 0, moderate: 1, high: 0, critical: 0, total: 1 };
    const verdict = readAudit(JSON.stringify(report));
    expect(verdict.status).toBe('clean');
    expect(formatAudit(verdict).join('\n')).toContain('MODERATE yaml');
  });

  it('reports an unreachable audit endpoint as "no verdict", never as clean', () => {
    const verdict = readAudit(fixture('unavailable-405.json'));
    expect(verdict).toEqual({
      status: 'unavailable',
      reason: 'HTTP 405: 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    });
    expect(readAudit('npm error code ENOLOCK').status).toBe('unavailable');
    const strict = audit('unavailable-405.json');
    expect(strict.code).toBe(2);
    const lenient = audit('unavailable-405.json', '--allow-unavailable');
    expect(lenient.code).toBe(0);
    expect(lenient.out).toContain('WARNING — no verdict');
  });
});
