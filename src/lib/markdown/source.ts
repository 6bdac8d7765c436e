/**
 * Where a Markdown plugin is working: the page's file, relative to the project, as every
 * build message names files (a node's line: `atLine` in ../errors.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig } from '../config.ts';

export function sourceFile(url: URL | undefined): string {
  return url ? path.relative(getConfig().root, fileURLToPath(url)) : '(unknown file)';
}
