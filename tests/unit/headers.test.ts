import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP, CSP_DIRECTIVES } from '../../src/lib/csp';

const headers = readFileSync(path.resolve(import.meta.dirname, '../../public/_headers'), 'utf8');

describe('security headers', () => {
  it('the hosting CSP header is the page CSP plus frame-ancestors', () => {
    const line = /Content-Security-Policy: (.+)/.exec(headers)![1];
    expect(line).toBe(`${CSP}; frame-ancestors 'none'`);
  });
  it('the CSP allows no inline or eval scripts, only WebAssembly compilation', () => {
    expect(CSP_DIRECTIVES['script-src']).toBe("'self' 'wasm-unsafe-eval'");
    expect(CSP).not.toContain("'unsafe-inline'");
    expect(CSP).not.toContain("'unsafe-eval'");
    expect(CSP_DIRECTIVES['object-src']).toBe("'none'");
  });
  it('sends nosniff and a referrer policy', () => {
    expect(headers).toContain('X-Content-Type-Options: nosniff');
    expect(headers).toContain('Referrer-Policy: strict-origin-when-cross-origin');
  });
});
