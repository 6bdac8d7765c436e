/**
 * The error an editor's mistake stops the build with: Astro's AstroError(message, hint), in
 * Chinese, naming the file and the fix. Every build error written for editors is made here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AstroError } from 'astro/errors';
import { formatProblems, type Problem } from './validate.ts';

/**
 * Astro (7.x, core/errors/dev/utils.js `generateHint`) replaces the hint of any error whose
 * `toString()` contains "document" or "window" with its advice on browser APIs. Our messages
 * often do (the topic `documents`, content/documents/…), and the editor would lose the fix.
 * `toString()` is only used for that sniffing; the message printed is `message`, unchanged.
 */
export class EditorError extends AstroError {
  override toString(): string {
    return `${this.name}: ${this.message}`.replace(/document|window/gi, (word) => `${word[0]}\u200b${word.slice(1)}`);
  }
}

/** `content/meetings/attendance.mdx 第 12 行`: how every editor's message names a place. */
export function atLine(file: string, line: number | undefined): string {
  return line ? `${file} 第 ${line} 行` : file;
}

export function editorError(message: string, hint: string): EditorError {
  return new EditorError(message, hint);
}

/** One build error for all the problems found, one line each (`文件：问题`), the fixes in the hint. */
export function problemsError(problems: readonly Problem[]): EditorError {
  const { message, hint } = formatProblems(problems);
  return editorError(message, hint);
}

/**
 * A frontmatter field that fails its schema (src/lib/schema.ts): Astro reports it in English
 * ("data does not match collection schema") around our Chinese messages, and links its own
 * docs. Keep our messages only, naming the file. Undefined for any other error.
 */
export function frontmatterError(error: unknown, file: string): EditorError | undefined {
  if (!(error instanceof Error) || error.name !== 'InvalidContentEntryDataError') return undefined;
  // Astro's message: a title line, then one `  **path**: message` line per problem.
  const problems = [...error.message.matchAll(/^\s*\*\*(.*?)\*\*: (.*)$/gm)].map(([, field, text]) =>
    // Top-level messages name their field already; a nested one needs its place (parts.0.id).
    field.includes('.') ? `${field}：${text}` : text,
  );
  if (!problems.length) return undefined;
  return editorError(
    `${file}：文件开头的元数据有 ${problems.length} 处要改：\n${problems.map((p) => `- ${p}`).join('\n')}`,
    '按上面的说明改正文件开头两行 --- 之间的字段（每行写成 字段: 值），然后重新运行 npm run build。',
  );
}

/** What usually causes each js-yaml complaint in a handbook file, and the fix, for editors. */
const YAML_FIXES: [RegExp, string][] = [
  [/bad indentation of a mapping entry|end of the stream or a document separator is expected/, '这一行的值里多半有英文冒号加空格（“: ”），YAML 会把它当成新的字段。把它改成中文冒号“：”，或者把整个值用英文双引号括起来，例如 description: "注意: 写清参会范围"。'],
  [/duplicated mapping key/, '同一个字段写了两次。删掉其中一行，只留一个。'],
  [/tab characters? must not be used/i, '这一行用了 Tab 缩进。YAML 只认空格：把 Tab 换成两个空格。'],
  [/unexpected end of the stream within a (double|single) quoted scalar|missing closing/i, '引号没有配对：值开头用了引号，结尾也要用同样的引号（英文 " 或 \'）。'],
  [/can not read a block mapping entry|can not read an implicit mapping pair/, '这一行不像“字段: 值”。检查字段名后面是不是英文冒号加一个空格；值以引号、# 或 [ 开头时，把整个值用英文双引号括起来。'],
];

/**
 * Frontmatter that is not valid YAML (a stray `: `, an unclosed quote, a tab): @astrojs/mdx
 * throws js-yaml's English `YAMLException` with the file and the line. Told in Chinese,
 * naming the file and the line, quoting it, with the likely fix. Undefined for any other error.
 */
export function yamlError(error: unknown, root: string): EditorError | undefined {
  if (!(error instanceof Error) || error.name !== 'YAMLException') return undefined;
  const { id, loc, reason } = error as Error & { id?: string; loc?: { line: number }; reason?: string };
  const file = id ? path.relative(root, id).split(path.sep).join('/') : '（未知文件）';
  const line = loc?.line;
  let text = '';
  try {
    if (id && line) text = readFileSync(id, 'utf8').split(/\r?\n/)[line - 1]?.trim() ?? '';
  } catch {
    // The file is gone or unreadable: say where, without the line.
  }
  const fix = YAML_FIXES.find(([pattern]) => pattern.test(reason ?? error.message))?.[1]
    ?? '每行写成“字段: 值”（英文冒号后加一个空格）；值里有英文冒号、# 或以引号开头时，把整个值用英文双引号括起来。';
  return editorError(
    `${atLine(file, line)}：文件开头两行 --- 之间的元数据写法有误，读不出来${text ? `：${text}` : '。'}`,
    `${fix}改好后重新运行 npm run build。`,
  );
}
