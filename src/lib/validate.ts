/**
 * Checks across files that a per-file schema cannot make: chapters sit in a topic folder
 * that matches their `topic`, file names make clean addresses, no two chapters of a topic
 * share an `order`, and no .mdx file lies where no collection reads it.
 * Each problem names the file, what is wrong and the fix, in Chinese; the model turns the
 * list into one build error (see `problemsError` in errors.ts).
 */
import path from 'node:path';
import { SLUG } from './routes.ts';

export interface Problem {
  /** The file to fix, relative to the project. */
  file: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  fix: string;
}

export interface EntryLike {
  id: string;
  filePath?: string;
  data: { topic: string; order: number };
}

const fileOf = (entry: { id: string; filePath?: string }) => entry.filePath ?? entry.id;

/** The file-name part of an id must be a slug: `meetings/New chapter` is not. */
export function slugProblem(entry: { id: string; filePath?: string }): Problem | undefined {
  const name = entry.id.split('/').at(-1) ?? '';
  if (SLUG.test(name)) return undefined;
  const suggestion = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return {
    file: fileOf(entry),
    message: `文件名“${name}”会变成网址的一部分，只能用小写英文字母、数字和连字符（不能有大写字母、空格或汉字）。`,
    fix: suggestion
      ? `把文件改名为 ${suggestion}.mdx。`
      : '把文件改成小写英文、数字和连字符组成的名字，例如 attendance.mdx。',
  };
}

export function chapterProblems(entries: readonly EntryLike[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, EntryLike>();
  for (const entry of entries) {
    const file = fileOf(entry);
    const [folder] = entry.id.split('/');
    const slug = slugProblem(entry);
    if (folder !== entry.data.topic) {
      problems.push({
        file,
        message: `字段 topic 写的是“${entry.data.topic}”，但文件在 ${folder}/ 文件夹里。`,
        fix: `把 topic 改成 ${folder}，或把文件移到 ${entry.data.topic}/ 文件夹。`,
      });
      // Its order is compared within its topic once the editor has chosen which one it is:
      // a clash with a topic it may not stay in would be a second, misleading message.
      if (slug) problems.push(slug);
      continue;
    }
    if (slug) problems.push(slug);
    const key = `${entry.data.topic}#${entry.data.order}`;
    const other = seen.get(key);
    if (other) {
      problems.push({
        file,
        message: `字段 order 为 ${entry.data.order}，与 ${fileOf(other)} 重复。`,
        fix: '同一专题内排序号不能相同：给其中一章换一个没用过的 order。',
      });
    } else {
      seen.set(key, entry);
    }
  }
  return problems;
}

/** Problems for .mdx files that no collection reads (see strayFiles in routes.ts). */
export function strayProblems(files: readonly string[], root: string, topicList: string): Problem[] {
  return files.map((file) => ({
    file: path.relative(root, file),
    message: '这个文件不在任何专题文件夹里，不会出现在手册中。',
    fix: `章节应放在 content/<专题>/<章节>.mdx（专题文件夹：${topicList}），前言等放在 content/front/；草稿可放进以 _ 开头的文件夹。`,
  }));
}

/** One line per problem for the build error: `文件：问题`; and the fixes for its hint. */
export function formatProblems(problems: readonly Problem[]): { message: string; hint: string } {
  return {
    message: `手册内容有 ${problems.length} 处问题：\n${problems.map((p) => `- ${p.file}：${p.message}`).join('\n')}`,
    hint: problems.map((p) => `${p.file}：${p.fix}`).join('\n'),
  };
}
