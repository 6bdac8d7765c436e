#!/usr/bin/env node
// Re-runs the "compress" build step on an existing build (dist/, or $HB_BUILD_DIR/dist):
// .br and .gz copies beside the text files, stale copies removed. `npm run build` runs it last.
import { reportFailure, runWithProjectNode } from './lib/node.mjs';

runWithProjectNode(import.meta.url);
const { runFrom } = await import('../src/integrations/steps.ts');
await runFrom('compress').catch(reportFailure);
