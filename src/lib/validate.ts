/**
 * Checks across chapters that a per-file schema cannot make: the folder matches the
 * `topic` field, slugs are URL-safe, and no two chapters of a topic share an `order`.
 * Returns editor-readable messages naming the file and the field; the caller throws.
 */
export interface EntryLike {
  id: string;
  filePath?: string;
  data: { topic: string; order: number };
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function chapterProblems(entries: readonly EntryLike[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, EntryLike>();
  for (const entry of entries) {
    const file = entry.filePath ?? entry.id;
    const [folder, slug, ...rest] = entry.id.split('/');
    if (!slug || rest.length) {
      problems.push(`${file}：章节文件应放在 content/<专题>/<章节>.mdx，不要再分子文件夹。`);
      continue;
    }
    if (folder !== entry.data.topic) {
      problems.push(
        `${file}：字段 topic 写的是“${entry.data.topic}”，但文件在 ${folder}/ 文件夹里。请让两者一致。`,
      );
    }
    if (!SLUG.test(slug)) {
      problems.push(`${file}：文件名“${slug}”只能用小写英文字母、数字和连字符（例如 attendance.mdx）。`);
    }
    const key = `${entry.data.topic}#${entry.data.order}`;
    const other = seen.get(key);
    if (other) {
      problems.push(
        `${file}：字段 order 为 ${entry.data.order}，与 ${other.filePath ?? other.id} 重复。同一专题内排序号不能相同。`,
      );
    } else {
      seen.set(key, entry);
    }
  }
  return problems;
}
