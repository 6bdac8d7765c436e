/**
 * Where a Markdown plugin is working: the page's file (relative to the project, as every
 * build message names files) and a node's line in it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig } from '../config.ts';

export function sourceFile(url: URL | undefined): string {
  return url ? path.relative(getConfig().root, fileURLToPath(url)) : '(unknown file)';
}

/** `content/meetings/attendance.mdx 第 12 行`: the place to name in a Problem. */
export function atLine(file: string, node: { position?: { start: { line: number } } | null }): string {
  const line = node.position?.start.line;
  return line ? `${file} 第 ${line} 行` : file;
}
