/**
 * Sätteri (Astro 7's Markdown engine) plugin for `<Checklist>` in MDX.
 *
 * Editors write a plain GFM task list inside the component:
 *
 *   <Checklist id="meetings-before" title="会前检查" phase="before">
 *
 *   - [ ] 已写明本次会议要解决的事项
 *   - [ ] 参会范围已按事项确定 {/* id: scope *\/}
 *
 *   </Checklist>
 *
 * The plugin checks the id (required, kebab-case, unique across the handbook) and the
 * list, gives every item a stable id, and replaces the children with an `items` prop
 * (JSON) so one Astro component renders the checklist everywhere. It also records the
 * checklists in the page's remark frontmatter (`checklists`) for the summary pages.
 * Problems throw an EditorError naming the file (src/lib/errors.ts), so the build stops
 * with a clear message and the fix.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { markdownToHtml, type MdastPluginDefinition } from 'satteri';
import { getConfig } from '../config.ts';
import { editorError } from '../errors.ts';
import { CHECKLIST_ID, PHASES, deriveItemId, normaliseItemText, type ChecklistData, type ChecklistItem, type Phase } from './model';

/** checklist id → file that defines it, for the duplicate check across files. */
const owners = new Map<string, string>();

const EXPLICIT_ID = /\{\s*\/\*\s*id:\s*([^*]*?)\s*\*\/\s*\}/;

function relative(file: string): string {
  return path.relative(getConfig().root, file) || file;
}

function fail(file: string, message: string): never {
  throw editorError(`${file}：${message}`, '按上面的说明改好这份清单，再运行 npm run build。清单的写法见 README“编辑指南：怎样新增一章”。');
}

type Attr = { type: string; name?: string; value?: unknown };

function stringAttr(attrs: readonly Attr[], name: string, file: string): string | undefined {
  const attr = attrs.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attr) return undefined;
  if (typeof attr.value !== 'string') fail(file, `<Checklist> 的 ${name} 要写成 ${name}="…"（带引号的文字）。`);
  return attr.value;
}

function inlineHtml(markdown: string): string {
  const { html } = markdownToHtml(markdown);
  return html.trim().replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

export function checklistPlugin(): MdastPluginDefinition {
  return {
    name: 'hb-checklist',
    options: { position: true },
    before(_root, ctx) {
      const file = ctx.fileURL ? relative(fileURLToPath(ctx.fileURL)) : '(unknown file)';
      for (const [id, owner] of owners) if (owner === file) owners.delete(id);
    },
    mdxJsxFlowElement(node, ctx) {
      if (node.name !== 'Checklist') return;
      const file = ctx.fileURL ? relative(fileURLToPath(ctx.fileURL)) : '(unknown file)';
      const attrs = node.attributes as readonly Attr[];
      const id = stringAttr(attrs, 'id', file);
      if (!id) fail(file, '<Checklist> 缺少 id，例如 <Checklist id="meetings-before" title="会前检查">。');
      if (!CHECKLIST_ID.test(id)) fail(file, `清单 id “${id}” 只能用小写英文字母、数字和连字符。`);
      const title = stringAttr(attrs, 'title', file);
      if (!title) fail(file, `清单 “${id}” 缺少 title（标题）。`);
      const phase = stringAttr(attrs, 'phase', file);
      if (phase !== undefined && !(phase in PHASES)) {
        fail(file, `清单 “${id}” 的 phase 写成了 “${phase}”，应为 before、during 或 after。`);
      }
      const owner = owners.get(id);
      if (owner && owner !== file) fail(file, `清单 id “${id}” 与 ${owner} 中的清单重复，请换一个 id。`);
      if (owner === file) fail(file, `同一文件里有两个 id 为 “${id}” 的清单。`);
      owners.set(id, file);

      const lists = node.children.filter((c) => c.type === 'list');
      const listItems = lists.flatMap((l) => (l.type === 'list' ? l.children : []));
      const others = node.children.filter((c) => c.type !== 'list');
      if (!listItems.length || others.length || listItems.some((li) => typeof li.checked !== 'boolean')) {
        fail(file, `清单 “${id}” 里只能写“- [ ] 事项”格式的任务列表，每行一项。`);
      }
      const items: ChecklistItem[] = [];
      for (const li of listItems) {
        const start = li.children[0]?.position?.start.offset;
        const end = li.children.at(-1)?.position?.end.offset;
        let raw = start !== undefined && end !== undefined ? ctx.source.slice(start, end) : ctx.textContent(li);
        const explicit = raw.match(EXPLICIT_ID);
        if (explicit) raw = raw.replace(EXPLICIT_ID, '');
        const html = inlineHtml(raw);
        const text = normaliseItemText(ctx.textContent(li));
        if (!text) fail(file, `清单 “${id}” 有一项是空的。`);
        const itemId = explicit ? explicit[1] : deriveItemId(text);
        if (!CHECKLIST_ID.test(itemId)) fail(file, `清单 “${id}” 中事项 id “${itemId}” 只能用小写英文字母、数字和连字符。`);
        if (items.some((i) => i.id === itemId)) {
          fail(file, `清单 “${id}” 中有两项相同（或 id 相同）：“${text}”。`);
        }
        items.push({ id: itemId, text, html });
      }
      const data: ChecklistData = { id, title, ...(phase ? { phase: phase as Phase } : {}), items };
      const fm = (ctx.data as { astro?: { frontmatter: Record<string, unknown> } }).astro?.frontmatter;
      if (fm) fm.checklists = [...((fm.checklists as ChecklistData[] | undefined) ?? []), data];

      ctx.replaceNode(node, {
        type: 'mdxJsxFlowElement',
        name: 'Checklist',
        attributes: [
          ...attrs.filter((a) => a.name !== 'items'),
          { type: 'mdxJsxAttribute', name: 'items', value: JSON.stringify(items) },
        ],
        children: [],
      } as never);
    },
  };
}
