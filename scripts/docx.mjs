#!/usr/bin/env node
// Re-runs the "docx" build step on an existing build (dist/, or $HB_BUILD_DIR/dist), then the
// steps that read its output (src/integrations/steps.ts). `npm run build` runs them all.
import { reportFailure, runWithProjectNode } from './lib/node.mjs';

runWithProjectNode(import.meta.url);
const { runFrom } = await import('../src/integrations/steps.ts');
await runFrom('docx').catch(reportFailure);
