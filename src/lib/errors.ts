/**
 * The error an editor's mistake stops the build with: Astro's AstroError(message, hint), in
 * Chinese, naming the file and the fix. Every build error written for editors is made here.
 */
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
