/**
 * The Content-Security-Policy of every page, delivered as a <meta> tag (and, for hosts that
 * support it, as a header via public/_headers and deploy/nginx.conf; keep them in step — a unit
 * test checks).
 * No inline scripts or styles anywhere: scripts and stylesheets are external files.
 * Pagefind compiles its WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
 */
export const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'worker-src': "'self' blob:",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

export const CSP = Object.entries(CSP_DIRECTIVES)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');
