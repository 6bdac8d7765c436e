/**
 * Citations of policy records: what the Markdown plugin records for each page
 * (markdown/citation-plugin.ts) and the build's check of them against the records
 * (handbook.ts). An unknown record or part fails the build naming the file and the citation.
 */
import type { Problem } from './validate.ts';

export interface Citation {
  /** Record id (content/policies/<doc>.mdx). */
  doc: string;
  /** Part id within the record, when one is cited. */
  part?: string;
}

export interface CitableRecord {
  id: string;
  parts: { id: string; label: string }[];
}

/** How a citation looks in the MDX, for messages. */
export function citationSource({ doc, part }: Citation): string {
  return `<Cite doc="${doc}"${part ? ` part="${part}"` : ''} />`;
}

export function citationProblems(file: string, citations: readonly Citation[], records: ReadonlyMap<string, CitableRecord>): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const citation of citations) {
    const key = `${citation.doc}#${citation.part ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const record = records.get(citation.doc);
    if (!record) {
      problems.push({
        file,
        message: `引用了不存在的政策文件“${citation.doc}”：${citationSource(citation)}。`,
        fix: `doc 要写 content/policies/ 里某个文件的文件名（不带 .mdx）。现有：${[...records.keys()].sort().join('、')}。要引用的文件还没有，先按 README“怎样添加政策文件”新建一个。`,
      });
    } else if (citation.part && !record.parts.some((p) => p.id === citation.part)) {
      problems.push({
        file,
        message: `政策文件“${citation.doc}”没有编号为“${citation.part}”的部分：${citationSource(citation)}。`,
        fix: `这份文件可引用的部分：${record.parts.map((p) => `${p.id}（${p.label}）`).join('、')}；也可以去掉 part，只引用整份文件。`,
      });
    }
  }
  return problems;
}
